//! What `/proc` says about a process and the machine: resident memory, CPU
//! time, load average, memory size. Linux only; elsewhere every figure is
//! `None`.

use std::time::Duration;

/// `USER_HZ`: the unit of `utime`/`stime` in `/proc/<pid>/stat`. It is 100 on
/// every Linux architecture the project builds for.
const CLOCK_TICKS_PER_SEC: u64 = 100;

/// Resident and peak resident memory of a process, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// `VmRSS`.
    pub rss: u64,
    /// `VmHWM` (the peak RSS so far).
    pub hwm: u64,
}

/// `VmRSS` and `VmHWM` of `pid` (`"self"` works too).
pub fn memory(pid: &str) -> Option<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    Some(Memory {
        rss: kib_field(&status, "VmRSS:")? * 1024,
        hwm: kib_field(&status, "VmHWM:")? * 1024,
    })
}

fn kib_field(status: &str, name: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// User + system CPU time `pid` has used (all its threads).
pub fn cpu_time(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces; the fields after its ')'
    // start at field 3 (state). utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis(
        (utime + stime) * 1000 / CLOCK_TICKS_PER_SEC,
    ))
}

/// CPU time the whole machine has spent busy (every core: user, nice,
/// system, irq, softirq, steal) since boot. The difference over a phase, minus
/// the server's and the client's own, is what other processes took.
pub fn machine_busy() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // user nice system idle iowait irq softirq steal
    let busy: u64 = [0, 1, 2, 5, 6, 7].iter().filter_map(|&i| v.get(i)).sum();
    Some(Duration::from_millis(busy * 1000 / CLOCK_TICKS_PER_SEC))
}

/// The 1-, 5- and 15-minute load averages.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut it = text.split_whitespace().map(str::parse::<f64>);
    Some([it.next()?.ok()?, it.next()?.ok()?, it.next()?.ok()?])
}

/// `MemTotal` and `MemAvailable`, in bytes.
pub fn machine_memory() -> Option<(u64, u64)> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    Some((
        kib_field(&info, "MemTotal:")? * 1024,
        kib_field(&info, "MemAvailable:")? * 1024,
    ))
}

/// CPU time of every process named `postgres` (the PostgreSQL server and its
/// backends), summed. A backend that ended since an earlier call takes its time
/// with it; the cluster's backends are pooled and live through a run.
pub fn postgres_cpu_time() -> Option<Duration> {
    let entries = std::fs::read_dir("/proc").ok()?;
    let total = entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().into_string().ok()?;
            if !pid.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
            (comm.trim_end() == POSTGRES_COMM).then(|| cpu_time(&pid))?
        })
        .sum();
    Some(total)
}

/// The command name (`/proc/<pid>/comm`) of PostgreSQL's processes.
const POSTGRES_COMM: &str = "postgres";

/// CPU used during a phase by the server nodes, the client, PostgreSQL and
/// everything else.
#[derive(Debug, Clone)]
pub struct CpuMark {
    /// Each node's, in node order.
    servers: Vec<Option<Duration>>,
    client: Option<Duration>,
    /// `None` when the run has no PostgreSQL (its time then counts as others').
    postgres: Option<Duration>,
    machine: Option<Duration>,
}

/// CPU milliseconds of one phase.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PhaseCpu {
    /// Every node together.
    pub server_ms: Option<f64>,
    /// Each node's, in node order.
    pub server_by_node_ms: Vec<Option<f64>>,
    pub client_ms: Option<f64>,
    /// Processes named `postgres` (a cluster run only).
    pub postgres_ms: Option<f64>,
    /// Every other process on the machine (builds, other tests): a busy
    /// machine shows up here.
    pub others_ms: Option<f64>,
}

impl CpuMark {
    /// The CPU time so far of the nodes `server_pids`, this process, PostgreSQL
    /// (when `with_postgres`) and the machine.
    pub fn now(server_pids: &[u32], with_postgres: bool) -> Self {
        Self {
            servers: server_pids
                .iter()
                .map(|pid| cpu_time(&pid.to_string()))
                .collect(),
            client: cpu_time("self"),
            postgres: if with_postgres {
                postgres_cpu_time()
            } else {
                None
            },
            machine: machine_busy(),
        }
    }

    /// What was used between `self` and `later`.
    pub fn until(&self, later: &Self) -> PhaseCpu {
        let d = |a: Option<Duration>, b: Option<Duration>| {
            a.zip(b)
                .map(|(a, b)| b.saturating_sub(a).as_secs_f64() * 1e3)
        };
        let server_by_node_ms: Vec<Option<f64>> = self
            .servers
            .iter()
            .zip(&later.servers)
            .map(|(a, b)| d(*a, *b))
            .collect();
        let server_ms = server_by_node_ms
            .iter()
            .try_fold(0.0, |sum, node| node.map(|ms| sum + ms));
        let client_ms = d(self.client, later.client);
        let postgres_ms = d(self.postgres, later.postgres);
        let machine_ms = d(self.machine, later.machine);
        PhaseCpu {
            server_ms,
            server_by_node_ms,
            client_ms,
            postgres_ms,
            others_ms: match (machine_ms, server_ms, client_ms) {
                (Some(m), Some(s), Some(c)) => {
                    Some((m - s - c - postgres_ms.unwrap_or(0.0)).max(0.0))
                }
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_fields() {
        let status = "Name:\tx\nVmHWM:\t   2048 kB\nVmRSS:\t   1024 kB\n";
        assert_eq!(kib_field(status, "VmRSS:"), Some(1024));
        assert_eq!(kib_field(status, "VmHWM:"), Some(2048));
        assert_eq!(kib_field(status, "VmSwap:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reads_this_process() {
        let m = memory("self").expect("VmRSS of self");
        assert!(m.rss > 0 && m.hwm >= m.rss);
        assert!(cpu_time("self").is_some());
        assert!(load_average().is_some());
        assert!(machine_busy().is_some());
        assert!(machine_memory().is_some());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_phase_splits_the_cpu_by_node() {
        let pid = std::process::id();
        let start = CpuMark::now(&[pid, pid], false);
        let spin = std::time::Instant::now();
        while spin.elapsed() < Duration::from_millis(50) {
            std::hint::black_box(spin.elapsed());
        }
        let cpu = start.until(&CpuMark::now(&[pid, pid], false));
        // This process is both "nodes" and the client; PostgreSQL was not asked for.
        let [Some(a), Some(b)] = cpu.server_by_node_ms[..] else {
            panic!("{cpu:?}");
        };
        assert_eq!(cpu.server_ms, Some(a + b));
        assert_eq!(cpu.postgres_ms, None);
        assert!(cpu.client_ms.is_some() && cpu.others_ms.is_some());
    }
}

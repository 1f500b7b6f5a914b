# Sourced by the *-deps.sh scripts: apt_install_missing PACKAGE... installs with apt-get
# those of the Debian packages that `dpkg -s` does not report as installed (nothing, and
# no apt-get update, when all are there), through sudo unless already root.
apt_install_missing() {
    local missing=() p sudo=""
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    printf '==> installing %s\n' "${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

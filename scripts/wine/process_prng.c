/*
 * Test-harness shim for Wine 8 only; it is never shipped or installed anywhere.
 *
 * Rust's standard library (1.78+) draws random numbers with ProcessPrng from
 * bcryptprimitives.dll, which real Windows 10/11 has and Debian's Wine 8 does not, so
 * every Rust .exe fails to load under that Wine. This DLL exports ProcessPrng and
 * forwards it to advapi32's SystemFunction036 (RtlGenRandom), which Wine implements.
 * scripts/wine/prefix.sh builds it with mingw-w64 and copies it into the test prefix's
 * system32.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* RtlGenRandom takes a ULONG length; larger requests are filled in chunks. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine 8,
 * which lacks it (Rust >= 1.78 programs take their random numbers from its ProcessPrng).
 * Real Windows 10/11 has the DLL; this shim is only put beside the program in the Wine test
 * (scripts/check_windows.sh), never shipped. ProcessPrng is served by RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}

using System.Runtime.InteropServices;

namespace Cairn.Index.Columns;

/// <summary>
/// Zeroed native memory for the columns and hash tables a writer holds in memory, backed on Linux by
/// transparent huge pages. Those arrays are read and written at random places (a spend updates an old
/// output, a key lands on a random slot) and reach hundreds of megabytes, so with 4 KiB pages nearly
/// every access also misses the TLB (a few thousand entries, ~8 MB of reach); with 2 MiB pages the
/// same entries cover gigabytes. The machine's THP mode is usually "madvise", so the range is
/// asked for explicitly (madvise(2), MADV_HUGEPAGE). Anonymous mmap also hands out zeroed pages
/// lazily, as calloc does for large blocks. Elsewhere plain <see cref="NativeMemory"/>.
/// </summary>
internal static unsafe partial class HugePageMemory
{
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int MadviseHugePage = 14;
    private const int MremapMayMove = 1;
    private const nuint HugePageBytes = 2 << 20;

    /// <summary>Allocates <paramref name="bytes"/> zeroed bytes (at least one); free with <see cref="Free"/> and the same size.</summary>
    public static byte* AllocateZeroed(nuint bytes)
    {
        bytes = Math.Max(bytes, 1);
        if (!OperatingSystem.IsLinux()) return (byte*)NativeMemory.AllocZeroed(bytes);
        var length = MappedLength(bytes);
        var address = Mmap(0, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (address == -1) throw new OutOfMemoryException($"mmap of {length} bytes failed (errno {Marshal.GetLastPInvokeError()})");
        // Only a hint: without THP (or with it disabled) the pages are ordinary ones.
        if (length >= HugePageBytes) _ = Madvise(address, length, MadviseHugePage);
        return (byte*)address;
    }

    /// <summary>Grows (or shrinks) a block from <paramref name="oldBytes"/> to <paramref name="newBytes"/>, keeping its contents; new bytes are zero.</summary>
    public static byte* Reallocate(byte* pointer, nuint oldBytes, nuint newBytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            var grown = (byte*)NativeMemory.Realloc(pointer, newBytes);
            if (newBytes > oldBytes) NativeMemory.Clear(grown + oldBytes, newBytes - oldBytes);
            return grown;
        }
        // mremap(2) moves the page tables, not the bytes: growing a column of hundreds of megabytes no longer copies
        // it into freshly zeroed pages (a twentieth of a 2 M-transaction ingest's CPU went to that copy and its page
        // faults). The grown tail is zero-filled on first touch like any anonymous mapping.
        newBytes = Math.Max(newBytes, 1);
        // Shrinking keeps the mapping's rounded tail; clear what the block gives up so a later growth finds zeros.
        if (newBytes < oldBytes) NativeMemory.Clear(pointer + newBytes, Math.Min(oldBytes, MappedLength(newBytes)) - newBytes);
        var oldLength = MappedLength(Math.Max(oldBytes, 1));
        var newLength = MappedLength(newBytes);
        var moved = Mremap((nint)pointer, oldLength, newLength, MremapMayMove);
        if (moved == -1) throw new OutOfMemoryException($"mremap from {oldLength} to {newLength} bytes failed (errno {Marshal.GetLastPInvokeError()})");
        // A region that only now reaches huge-page size has not been advised yet.
        if (newLength >= HugePageBytes) _ = Madvise(moved, newLength, MadviseHugePage);
        return (byte*)moved;
    }

    public static void Free(byte* pointer, nuint bytes)
    {
        if (pointer is null) return;
        if (!OperatingSystem.IsLinux())
        {
            NativeMemory.Free(pointer);
            return;
        }
        _ = Munmap((nint)pointer, MappedLength(Math.Max(bytes, 1)));
    }

    private static nuint MappedLength(nuint bytes) => bytes >= HugePageBytes ? (bytes + HugePageBytes - 1) / HugePageBytes * HugePageBytes : bytes;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mremap", SetLastError = true)]
    private static partial nint Mremap(nint oldAddress, nuint oldLength, nuint newLength, int flags);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}

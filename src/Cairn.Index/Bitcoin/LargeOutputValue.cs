using System.Runtime.InteropServices;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// A row of <c>out_value_large.col</c> (12 bytes): an output whose value does not fit the 5 bytes of
/// <see cref="StoredValue"/>, with that value. Rows are appended in output order, so they are sorted by output id
/// and found by binary search.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly record struct LargeOutputValue(uint OutputId, long Value);

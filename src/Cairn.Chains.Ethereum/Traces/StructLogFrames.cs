using System.Numerics;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;

namespace Cairn.Chains.Ethereum.Traces;

/// <summary>
/// Rebuilds a transaction's call tree from the default struct-log tracer of
/// <c>debug_traceTransaction</c> (one entry per executed opcode with depth and stack), for nodes
/// such as Ganache that have no <c>callTracer</c>. Rules, from the EVM semantics in the Yellow
/// Paper (section 9.4 and appendix H):
/// <list type="bullet">
/// <item>CALL and CALLCODE pop gas, address, value (stack top first); DELEGATECALL and STATICCALL
/// pop gas, address and carry no value; CREATE/CREATE2 pop value first.</item>
/// <item>The callee runs at depth + 1 unless it has no code (an account or precompile), in which
/// case the next step is already back at the caller's depth.</item>
/// <item>The first step back at the caller's depth has the call's result on top of the stack:
/// 1/0 for calls, the new address or 0 for creations. A 0 marks the frame failed.</item>
/// <item>SELFDESTRUCT's transferred balance is not in the struct log, so it is reported with
/// value 0 (and therefore yields no internal transfer).</item>
/// </list>
/// </summary>
public static class StructLogFrames
{
    public static List<CallFrame> Rebuild(JsonElement traceResult, int transactionIndex, string from, string? to, string? createdContract, BigInteger value, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(from);
        var top = new Builder(null, to is null ? "create" : "call", from, to ?? createdContract, value, []) { ContextAddress = to ?? createdContract };
        if (!succeeded) top.Error = "transaction failed";
        var all = new List<Builder> { top };
        var executing = new Stack<Builder>();
        executing.Push(top);
        Builder? pending = null;
        var previousDepth = 1;
        if (!traceResult.TryGetProperty("structLogs", out var steps) || steps.ValueKind != JsonValueKind.Array)
            return [top.ToFrame(transactionIndex)];
        foreach (var step in steps.EnumerateArray())
        {
            var depth = step.GetProperty("depth").GetInt32();
            if (pending is not null)
            {
                if (depth == previousDepth + 1)
                {
                    if (pending.Type is "call" or "staticcall") pending.ContextAddress = pending.To;
                    else if (pending.Type is "callcode" or "delegatecall") pending.ContextAddress = executing.Peek().ContextAddress;
                    executing.Push(pending);
                }
                else
                {
                    Resolve(pending, StackTop(step));
                }
                pending = null;
            }
            else if (depth < previousDepth && executing.Count > 1)
            {
                Resolve(executing.Pop(), StackTop(step));
            }
            previousDepth = depth;
            var op = step.GetProperty("op").GetString();
            var stack = step.TryGetProperty("stack", out var s) ? s : default;
            var caller = executing.Peek();
            pending = op switch
            {
                "CALL" or "CALLCODE" => caller.AddChild(op.ToLowerInvariant(), Address(StackItem(stack, 1)), StackItem(stack, 2)),
                "DELEGATECALL" or "STATICCALL" => caller.AddChild(op.ToLowerInvariant(), Address(StackItem(stack, 1)), 0),
                "CREATE" or "CREATE2" => caller.AddChild(op.ToLowerInvariant(), null, StackItem(stack, 0)),
                _ => null,
            };
            if (pending is not null) all.Add(pending);
            if (op == "SELFDESTRUCT") all.Add(caller.AddChild("selfdestruct", Address(StackItem(stack, 0)), 0));
        }
        while (executing.Count > 1) executing.Pop().Error ??= "trace ended inside the call";
        if (pending is not null) pending.Error ??= "trace ended at the call";
        var ordered = new List<CallFrame>();
        Collect(top, transactionIndex, ordered);
        return ordered;
    }

    private static void Collect(Builder builder, int transactionIndex, List<CallFrame> output)
    {
        output.Add(builder.ToFrame(transactionIndex));
        foreach (var child in builder.Children) Collect(child, transactionIndex, output);
    }

    private static void Resolve(Builder frame, BigInteger result)
    {
        if (frame.Type is "create" or "create2")
        {
            if (result.IsZero) frame.Error = "creation failed";
            else frame.To = frame.ContextAddress = Hex.ToHex(Word(result).AsSpan(12));
            return;
        }
        if (result.IsZero) frame.Error = "call failed";
    }

    private static BigInteger StackTop(JsonElement step) =>
        step.TryGetProperty("stack", out var stack) && stack.GetArrayLength() > 0 ? StackItem(stack, 0) : BigInteger.Zero;

    // Struct-log stacks list the bottom first, so item n from the top is at Length - 1 - n.
    private static BigInteger StackItem(JsonElement stack, int fromTop)
    {
        if (stack.ValueKind != JsonValueKind.Array) return BigInteger.Zero;
        var length = stack.GetArrayLength();
        if (fromTop >= length) return BigInteger.Zero;
        return Hex.ToBigInteger(stack[length - 1 - fromTop].GetString() ?? "0", "stack word");
    }

    private static string Address(BigInteger word) => Hex.ToHex(Word(word).AsSpan(12));

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var word = new byte[32];
        bytes.AsSpan(Math.Max(0, bytes.Length - 32)).CopyTo(word.AsSpan(32 - Math.Min(32, bytes.Length)));
        return word;
    }

    private sealed class Builder(Builder? parent, string type, string? from, string? to, BigInteger value, int[] path)
    {
        public string Type { get; } = type;
        public string? To { get; set; } = to;
        public string? ContextAddress { get; set; }
        public string? Error { get; set; }
        public List<Builder> Children { get; } = [];

        public Builder AddChild(string childType, string? childTo, BigInteger childValue)
        {
            var child = new Builder(this, childType, null, childTo, childValue, [.. path, Children.Count]);
            Children.Add(child);
            return child;
        }

        // A child's sender is the account its parent executes as, known only once a creating parent returns.
        public CallFrame ToFrame(int transactionIndex) => new(
            transactionIndex, Type, parent?.ContextAddress ?? from, To, value, Error, path, Children.Count, 0, 0);
    }
}

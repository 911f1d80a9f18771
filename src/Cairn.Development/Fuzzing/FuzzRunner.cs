using System.Diagnostics;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// Runs a target over generated cases and sorts each outcome: accepted, refused (a handled
/// <see cref="Core.CairnException"/> with a one-line message), or a finding: any other exception
/// (a crash), a refusal whose message is empty or spans lines, or a case that runs past the time
/// limit and again past <see cref="HangConfirmationFactor"/> times the limit (a hang: the run of that target stops there,
/// since the stuck thread cannot be stopped).
/// Findings are minimised by <see cref="Minimiser"/> before they are reported.
/// </summary>
public static class FuzzRunner
{
    public static readonly TimeSpan DefaultCaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A case past the limit is run once more with this many times the limit before it is called a hang: on a loaded machine a
    /// target that loads the whole legal data set per case (about 0.3 s quiet) took over 10 s with nothing wrong, while a real
    /// hang (a loop, a quadratic decode of a huge input) stays stuck at any limit.
    /// </summary>
    public const int HangConfirmationFactor = 6;

    public static FuzzReport Run(FuzzTarget target, int cases, ulong seed, TimeSpan? caseTimeout = null, int maxFindings = 10)
    {
        ArgumentNullException.ThrowIfNull(target);
        var timeout = caseTimeout ?? DefaultCaseTimeout;
        var mutator = new Mutator(target.Seeds, target.Kind, seed);
        var findings = new List<FuzzFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int accepted = 0, refused = 0, ran = 0;
        var clock = Stopwatch.StartNew();
        for (; ran < cases && findings.Count < maxFindings; ran++)
        {
            var input = mutator.Next();
            var outcome = Classify(target, input, timeout);
            if (outcome.Kind == OutcomeKind.Hang) outcome = Classify(target, input, timeout * HangConfirmationFactor);
            switch (outcome.Kind)
            {
                case OutcomeKind.Accepted:
                    accepted++;
                    break;
                case OutcomeKind.Refused:
                    refused++;
                    break;
                case OutcomeKind.Hang:
                    findings.Add(new FuzzFinding(target.Name, "hang", outcome.Problem, input, input));
                    ran++;
                    return new FuzzReport(target.Name, ran, accepted, refused, findings, clock.Elapsed);
                default:
                    // One report per distinct problem (exception type and where it was thrown).
                    if (seen.Add(outcome.Signature))
                        findings.Add(new FuzzFinding(target.Name, outcome.Kind == OutcomeKind.BadMessage ? "message" : "crash", outcome.Problem, input,
                            Minimiser.Minimise(input, candidate => Classify(target, candidate, timeout).Signature == outcome.Signature)));
                    break;
            }
        }
        return new FuzzReport(target.Name, ran, accepted, refused, findings, clock.Elapsed);
    }

    /// <summary>Runs one input and says what happened (used by the regression tests to replay findings).</summary>
    public static Outcome Classify(FuzzTarget target, byte[] input, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        Exception? thrown = null;
        var work = new Thread(() =>
        {
            try
            {
                target.Run(input);
            }
#pragma warning disable CA1031 // A fuzz harness must catch everything to sort it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                thrown = ex;
            }
        }) { IsBackground = true, Name = "fuzz " + target.Name }; // the default stack, as request threads have: deep recursion must show
        work.Start();
        if (!work.Join(timeout)) return new Outcome(OutcomeKind.Hang, $"no answer within {timeout.TotalSeconds:F0} s", "hang");
        if (thrown is null) return new Outcome(OutcomeKind.Accepted, "", "");
        if (thrown is AggregateException { InnerExceptions.Count: 1 } aggregate) thrown = aggregate.InnerException!;
        if (FuzzTarget.IsHandledRefusal(thrown))
        {
            var message = thrown.Message;
            return string.IsNullOrWhiteSpace(message) || message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
                ? new Outcome(OutcomeKind.BadMessage, "refusal message is not one line: " + message.ReplaceLineEndings("⏎"), "message:" + thrown.GetType().Name)
                : new Outcome(OutcomeKind.Refused, message, "");
        }
        var frame = new StackTrace(thrown).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Cairn", StringComparison.Ordinal) == true);
        var where = frame?.GetMethod() is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : "?";
        return new Outcome(OutcomeKind.Crash, $"{thrown.GetType().FullName} in {where}: {thrown.Message.ReplaceLineEndings(" ")}", $"{thrown.GetType().FullName}@{where}");
    }

    public enum OutcomeKind
    {
        Accepted,
        Refused,
        BadMessage,
        Crash,
        Hang,
    }

    public sealed record Outcome(OutcomeKind Kind, string Problem, string Signature);
}

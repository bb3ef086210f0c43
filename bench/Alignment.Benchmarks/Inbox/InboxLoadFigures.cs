using System.Globalization;

namespace Alignment.Benchmarks.Inbox;

/// <summary>What one <c>inbox-load</c> run measured for one CRM, and the targets of issue 13 it is held to.</summary>
internal sealed record InboxLoadFigures(
    string Crm,
    bool Backlog,
    int Deliveries,
    int DistinctEvents,
    int Accounts,
    int Acknowledged,
    int Refused,
    TimeSpan Intake,
    double IntakeP50Ms,
    double IntakeP99Ms,
    int Done,
    int NotDone,
    TimeSpan DrainSpan,
    TimeSpan DrainBusy,
    int DrainRuns,
    int Passes,
    int ApiCalls,
    double EndToEndP50Ms,
    double EndToEndP99Ms,
    double MinEventsPerSecond,
    double MaxCallsPer100)
{
    public double IntakePerSecond => Deliveries / Intake.TotalSeconds;

    /// <summary>Events processed per second: from the first delivery received (or, for a backlog, from the drain's start) to the last item done.</summary>
    public double EventsPerSecond => Done / DrainSpan.TotalSeconds;

    /// <summary>Events per second of drain work (the time drain runs were busy).</summary>
    public double EventsPerBusySecond => Done / DrainBusy.TotalSeconds;

    public double CallsPer100 => ApiCalls * 100.0 / Math.Max(1, Done);

    public bool Correct => Acknowledged == Deliveries && Refused == 0 && Done == DistinctEvents && NotDone == 0;

    /// <summary>Events/s and calls per 100 events; and for a burst drained while it arrives, the end-to-end p99.</summary>
    public bool MeetsTargets => EventsPerSecond >= MinEventsPerSecond && CallsPer100 <= MaxCallsPer100 && (Backlog || EndToEndP99Ms < 5000);

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Invariant($"[{Crm}, {(Backlog ? "backlog: all posted, then drained" : "drained while the burst arrives")}] {Deliveries} signed deliveries ({Deliveries - DistinctEvents} redeliveries) for {Accounts} distinct accounts"));
        output.WriteLine(Invariant($"  intake:      {Acknowledged} acknowledged, {Refused} refused in {Intake.TotalSeconds:F2} s = {IntakePerSecond:F0} deliveries/s; latency p50 {IntakeP50Ms:F1} ms, p99 {IntakeP99Ms:F1} ms"));
        output.WriteLine(Invariant($"  drain:       {Done}/{DistinctEvents} events done in {DrainRuns} runs, {Passes} passes; {EventsPerSecond:F0} events/s ({(Backlog ? "drain start" : "first delivery")} to last done, {DrainSpan.TotalSeconds:F2} s), {EventsPerBusySecond:F0} events/s of drain time ({DrainBusy.TotalSeconds:F2} s)"));
        output.WriteLine(Invariant($"  CRM calls:   {ApiCalls} = {CallsPer100:F1} per 100 events"));
        output.WriteLine(Invariant($"  end to end:  delivery received to fields written (item done) p50 {EndToEndP50Ms:F0} ms, p99 {EndToEndP99Ms:F0} ms"));
        output.WriteLine(Invariant($"  targets:     >= {MinEventsPerSecond:F0} events/s, <= {MaxCallsPer100:F0} calls per 100 events{(Backlog ? "" : ", p99 < 5,000 ms")}: {(MeetsTargets ? "MET" : "NOT MET")}; exactly once: {(Correct ? "OK" : "FAILED")}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

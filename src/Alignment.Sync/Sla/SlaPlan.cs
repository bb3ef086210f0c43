using Alignment.Core.Accounts;
using Alignment.Sync.Alerts;

namespace Alignment.Sync.Sla;

/// <summary>What the SLA rules want for one open handoff.</summary>
/// <param name="Wanted">The state with SLA due, status, first response and (when recycled) handoff status applied.</param>
/// <param name="Alerts">The alerts whose condition holds now (each sent once per handoff and level).</param>
/// <param name="Recycle">The handoff is recycled to nurture now.</param>
/// <param name="TimeZoneProblem">The owner's time zone was unknown and the default calendar was used.</param>
public sealed record SlaPlan(AlignmentState Wanted, IReadOnlyList<Alert> Alerts, bool Recycle, bool TimeZoneProblem);

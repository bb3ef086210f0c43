using Alignment.Core.Calibration;

namespace Alignment.Sync.Calibration;

/// <summary>
/// Opportunities (Salesforce) or deals (HubSpot) from the master CRM, for calibration (docs/calibration.md) and the
/// scoreboard's conversion.
/// Streams page by page within the same API budget as the scoring run; may throw <c>CrmException</c>.
/// </summary>
public interface IOutcomeReader
{
    /// <summary>
    /// The opportunities closed (won or lost) on or after <paramref name="closedSince"/> whose account is set, each with
    /// its account id, creation instant, close instant, outcome and amount.
    /// </summary>
    IAsyncEnumerable<Opportunity> ReadClosedAsync(DateTimeOffset closedSince, CancellationToken cancellationToken);

    /// <summary>
    /// The opportunities created on or after <paramref name="createdSince"/> whose account is set, open or closed (the
    /// scoreboard's conversion of handed-off accounts; docs/scoreboard.md, "Conversion").
    /// </summary>
    IAsyncEnumerable<Opportunity> ReadCreatedAsync(DateTimeOffset createdSince, CancellationToken cancellationToken);
}

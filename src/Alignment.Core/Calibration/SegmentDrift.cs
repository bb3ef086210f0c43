namespace Alignment.Core.Calibration;

/// <summary>
/// The high-tier (Tier1 or Tier2 at creation) closed opportunities of one segment, e.g. industry = Retail: count, won,
/// win rate and its Wilson interval at the family-wise level (null when fewer than the minimum count, then not tested).
/// <see cref="Flagged"/> is set only when the evidence holds: see <see cref="SegmentDriftDetector"/>.
/// </summary>
/// <param name="Attribute"><c>industry</c>, <c>employees</c>, <c>country</c> or <c>fit:&lt;criterion id&gt;</c>.</param>
/// <param name="Opportunities">High-tier closed opportunities of the segment.</param>
/// <param name="Won">How many of them were won.</param>
/// <param name="WinRate">Won / opportunities.</param>
/// <param name="Low">Lower end of the Wilson interval; null when not tested.</param>
/// <param name="High">Upper end of the Wilson interval; null when not tested.</param>
/// <param name="Tested">Whether the segment had the minimum count.</param>
/// <param name="Flagged">Whether the evidence says it wins materially below the overall high-tier rate.</param>
/// <param name="Value">The segment's value: an industry, a band such as <c>200-999</c>, a country, <c>met</c>/<c>not met</c>; <c>(none)</c> when empty.</param>
public sealed record SegmentDrift(string Attribute, string Value, int Opportunities, int Won, double WinRate, double? Low, double? High, bool Tested, bool Flagged);

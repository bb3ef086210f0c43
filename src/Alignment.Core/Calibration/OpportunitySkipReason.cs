namespace Alignment.Core.Calibration;

/// <summary>Why an opportunity is left out of a calibration. JSON spelling: camelCase (e.g. <c>unknownAccount</c>).</summary>
public enum OpportunitySkipReason
{
    /// <summary>Its account is not among the accounts read.</summary>
    UnknownAccount,

    /// <summary>It is still open (no close instant or no outcome).</summary>
    NotClosed,

    /// <summary>Its close instant is before its creation instant.</summary>
    ClosedBeforeCreated,
}

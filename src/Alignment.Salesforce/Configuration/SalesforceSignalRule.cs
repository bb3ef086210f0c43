using Alignment.Core.Signals;

namespace Alignment.Salesforce.Configuration;

/// <summary>
/// One activity mapping rule: a Task or Event that matches every condition given becomes a signal of
/// <see cref="Kind"/>. Rules are tried in order; the first match wins; a record no rule matches is ignored.
/// </summary>
public sealed class SalesforceSignalRule
{
    /// <summary><c>Task</c>, <c>Event</c> or <c>Any</c>.</summary>
    public string Object { get; set; } = "Any";

    /// <summary>Values of the record's <c>Type</c> (case-insensitive); empty means any type.</summary>
    public List<string> Types { get; set; } = [];

    /// <summary>.NET regular expression the <c>Subject</c> must match; a named group <c>subject</c> becomes the signal's subject.</summary>
    public string? SubjectPattern { get; set; }

    /// <summary>True: the record's owner must be the account owner; false: must not be; null: either.</summary>
    public bool? OwnedByAccountOwner { get; set; }

    public SignalKind Kind { get; set; }

    internal static SalesforceSignalRule Of(string obj, SignalKind kind, string? subject = null, string[]? types = null, bool? owner = null) =>
        new() { Object = obj, Kind = kind, SubjectPattern = subject, Types = [.. types ?? []], OwnedByAccountOwner = owner };
}

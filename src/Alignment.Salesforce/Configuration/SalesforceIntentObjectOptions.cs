namespace Alignment.Salesforce.Configuration;

/// <summary>
/// An optional custom object holding third-party intent (one record = one <c>ThirdPartyIntent</c> signal), read as a
/// child subquery of Account.
/// </summary>
public sealed class SalesforceIntentObjectOptions
{
    public bool Enabled { get; set; }
    public string ObjectName { get; set; } = "Alignment_Intent_Signal__c";

    /// <summary>The child relationship name on Account.</summary>
    public string ChildRelationship { get; set; } = "Alignment_Intent_Signals__r";

    /// <summary>The lookup field to Account.</summary>
    public string AccountField { get; set; } = "Account__c";

    public string OccurredAtField { get; set; } = "Occurred_At__c";
    public string TopicField { get; set; } = "Topic__c";

    /// <summary>Numeric strength field; divided by <see cref="StrengthScale"/> and clamped to [0, 1].</summary>
    public string StrengthField { get; set; } = "Strength__c";

    public double StrengthScale { get; set; } = 100;
}

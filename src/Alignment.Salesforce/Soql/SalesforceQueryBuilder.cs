using Alignment.Salesforce.Configuration;

namespace Alignment.Salesforce.Soql;

/// <summary>Builds the adapter's SOQL. Values enter only through <see cref="SoqlLiteral"/>.</summary>
internal sealed class SalesforceQueryBuilder(SalesforceOptions options)
{
    public const string TaskRelationship = "Tasks";
    public const string EventRelationship = "Events";

    private SalesforceFieldMap F => options.Fields;

    private SalesforceIntentObjectOptions Intent => options.Signals.IntentObject;

    /// <summary>Accounts with owner fields, our fields and activity subqueries since <paramref name="signalsSince"/>, ordered by Id.</summary>
    public string Accounts(string? where, DateTimeOffset signalsSince)
    {
        var since = SoqlLiteral.DateTime(signalsSince);
        var select = new List<string>
        {
            "Id", "Name", "NumberOfEmployees", "Industry", "AnnualRevenue", F.Country, F.Technologies,
            "OwnerId", "Owner.Email", "Owner.TimeZoneSidKey", "Owner.ManagerId", "SystemModstamp",
        };
        select.AddRange(Enum.GetValues<Sync.Crm.AlignmentField>().Select(F.NameOf));
        select.Add($"(SELECT Id, Type, Subject, OwnerId, WhoId, CreatedDate, SystemModstamp FROM {TaskRelationship} WHERE CreatedDate >= {since})");
        select.Add($"(SELECT Id, Type, Subject, OwnerId, WhoId, StartDateTime, SystemModstamp FROM {EventRelationship} WHERE StartDateTime >= {since})");
        if (Intent.Enabled)
        {
            select.Add($"(SELECT Id, {Intent.OccurredAtField}, {Intent.TopicField}, {Intent.StrengthField}, SystemModstamp FROM {Intent.ChildRelationship} WHERE {Intent.OccurredAtField} >= {since})");
        }

        return "SELECT " + string.Join(", ", select.Distinct(StringComparer.OrdinalIgnoreCase).Select(CheckedName))
            + " FROM Account" + (where is null ? "" : " WHERE " + where) + " ORDER BY Id";
    }

    /// <summary>CampaignMembers of the accounts' contacts since <paramref name="signalsSince"/>.</summary>
    public static string CampaignMembers(IEnumerable<string> accountIds, DateTimeOffset signalsSince) =>
        "SELECT Id, ContactId, Contact.AccountId, Status, CreatedDate, SystemModstamp, Campaign.Name FROM CampaignMember"
        + " WHERE Contact.AccountId IN " + SoqlLiteral.IdList(accountIds) + " AND CreatedDate >= " + SoqlLiteral.DateTime(signalsSince);

    /// <summary>Account ids of CampaignMembers changed since the checkpoint.</summary>
    public static string ChangedCampaignMemberAccounts(DateTimeOffset since) =>
        "SELECT Contact.AccountId FROM CampaignMember WHERE SystemModstamp >= " + SoqlLiteral.DateTime(since) + " AND ContactId != null";

    /// <summary>The clauses selecting accounts changed since the checkpoint, or whose activities changed (one query each: SOQL refuses OR with semi-joins).</summary>
    public IEnumerable<string> ChangedSince(DateTimeOffset since)
    {
        var x = SoqlLiteral.DateTime(since);
        yield return "SystemModstamp >= " + x;
        yield return "Id IN (SELECT AccountId FROM Task WHERE SystemModstamp >= " + x + ")";
        yield return "Id IN (SELECT AccountId FROM Event WHERE SystemModstamp >= " + x + ")";
        if (Intent.Enabled)
        {
            yield return "Id IN (SELECT " + SoqlLiteral.Field(Intent.AccountField) + " FROM " + SoqlLiteral.Field(Intent.ObjectName) + " WHERE SystemModstamp >= " + x + ")";
        }
    }

    public string OpenHandoffs() =>
        SoqlLiteral.Field(F.HandoffStatus) + " IN (" + SoqlLiteral.String("Pending") + ", " + SoqlLiteral.String("Accepted") + ")";

    public static string IdIn(IEnumerable<string> ids) => "Id IN " + SoqlLiteral.IdList(ids);

    public static string? And(string? left, string? right) =>
        left is null ? right : right is null ? left : "(" + left + ") AND (" + right + ")";

    private static string CheckedName(string item) => item.StartsWith('(') ? item : SoqlLiteral.Field(item);
}

using Alignment.Salesforce.Configuration;

namespace Alignment.Salesforce.Soql;

/// <summary>Builds the adapter's SOQL. Values enter only through <see cref="SoqlLiteral"/>.</summary>
internal sealed class SalesforceQueryBuilder(SalesforceOptions options)
{
    public const string TaskRelationship = "Tasks";
    public const string EventRelationship = "Events";

    /// <summary>
    /// The job title of an activity's person, read through the polymorphic <c>Who</c> (Salesforce's <c>Name</c> object
    /// has <c>Title</c>, for a Contact or a Lead alike), so the buying-committee level costs no query of its own.
    /// </summary>
    public const string WhoTitle = "Who.Title";

    /// <summary>The job title of a campaign member's contact.</summary>
    public const string ContactTitle = "Contact.Title";

    private SalesforceFieldMap F => options.Fields;

    private SalesforceIntentObjectOptions Intent => options.Signals.IntentObject;

    /// <summary>Accounts with owner fields, our fields and activity subqueries since <paramref name="signalsSince"/>, ordered by Id.</summary>
    public string Accounts(string? where, DateTimeOffset signalsSince)
    {
        var since = SoqlLiteral.DateTime(signalsSince);
        var select = AccountFields();
        select.Add($"(SELECT Id, Type, Subject, OwnerId, WhoId{Titles(WhoTitle)}, CreatedDate, SystemModstamp FROM {TaskRelationship} WHERE CreatedDate >= {since})");
        select.Add($"(SELECT Id, Type, Subject, OwnerId, WhoId{Titles(WhoTitle)}, StartDateTime, SystemModstamp FROM {EventRelationship} WHERE StartDateTime >= {since})");

        if (Intent.Enabled)
        {
            select.Add($"(SELECT Id, {Intent.OccurredAtField}, {Intent.TopicField}, {Intent.StrengthField}, SystemModstamp FROM {Intent.ChildRelationship} WHERE {Intent.OccurredAtField} >= {since})");
        }

        return "SELECT " + string.Join(", ", select.Distinct(StringComparer.OrdinalIgnoreCase).Select(CheckedName))
            + " FROM Account" + (where is null ? "" : " WHERE " + where) + " ORDER BY Id";
    }

    /// <summary>The Account fields every read selects: firmographics, owner, SystemModstamp and the connector's fields.</summary>
    private List<string> AccountFields()
    {
        var select = new List<string>
        {
            "Id", "Name", "NumberOfEmployees", "Industry", "AnnualRevenue", F.Country, F.Technologies,
            "OwnerId", "Owner.Email", "Owner.TimeZoneSidKey", "Owner.ManagerId", "SystemModstamp",
        };
        select.AddRange(Enum.GetValues<Sync.Crm.AlignmentField>().Select(F.NameOf));
        return select;
    }

    /// <summary>Bulk API 2.0 has no child subqueries: the accounts of a range, flat (their activities are read by <see cref="BulkActivities"/>).</summary>
    public string BulkAccounts(string? from, string? to) =>
        "SELECT " + string.Join(", ", AccountFields().Distinct(StringComparer.OrdinalIgnoreCase).Select(SoqlLiteral.Field))
        + " FROM Account" + Where(IdRange("Id", from, to));

    /// <summary>
    /// The Tasks, Events and intent records of the accounts in a range since <paramref name="signalsSince"/>, with the
    /// same fields and filters as the REST read's child subqueries; <c>Parent</c> is the column naming the account.
    /// </summary>
    public IEnumerable<(string Kind, string Parent, string Soql)> BulkActivities(string? from, string? to, DateTimeOffset signalsSince)
    {
        var since = SoqlLiteral.DateTime(signalsSince);
        var range = AccountKeyRange(from, to);
        yield return ("Task", "WhatId", "SELECT Id, WhatId, Type, Subject, OwnerId, WhoId" + Titles(WhoTitle) + ", CreatedDate, SystemModstamp FROM Task WHERE "
            + range("WhatId") + " AND CreatedDate >= " + since);
        yield return ("Event", "WhatId", "SELECT Id, WhatId, Type, Subject, OwnerId, WhoId" + Titles(WhoTitle) + ", StartDateTime, SystemModstamp FROM Event WHERE "
            + range("WhatId") + " AND StartDateTime >= " + since);
        if (Intent.Enabled)
        {
            var account = SoqlLiteral.Field(Intent.AccountField);
            yield return ("Intent", Intent.AccountField, $"SELECT Id, {account}, {SoqlLiteral.Field(Intent.OccurredAtField)}, {SoqlLiteral.Field(Intent.TopicField)}, {SoqlLiteral.Field(Intent.StrengthField)}, SystemModstamp FROM {SoqlLiteral.Field(Intent.ObjectName)} WHERE "
                + range(account) + " AND " + SoqlLiteral.Field(Intent.OccurredAtField) + " >= " + since);
        }
    }

    /// <summary>CampaignMembers of the contacts of the accounts in a range, since <paramref name="signalsSince"/>.</summary>
    public string BulkCampaignMembers(string? from, string? to, DateTimeOffset signalsSince) =>
        "SELECT Id, ContactId, Contact.AccountId" + Titles(ContactTitle) + ", Status, CreatedDate, SystemModstamp, Campaign.Name FROM CampaignMember WHERE "
        + AccountKeyRange(from, to)("Contact.AccountId") + " AND CreatedDate >= " + SoqlLiteral.DateTime(signalsSince);

    /// <summary>Every account id, in id order (partition planning).</summary>
    public const string AccountIds = "SELECT Id FROM Account ORDER BY Id";

    /// <summary><c>field &gt;= 'from' AND field &lt; 'to'</c> (either end open); null when both are.</summary>
    public static string? IdRange(string field, string? from, string? to)
    {
        var parts = new List<string>(2);
        if (from is not null)
        {
            parts.Add(field + " >= " + SoqlLiteral.Id(from));
        }

        if (to is not null)
        {
            parts.Add(field + " < " + SoqlLiteral.Id(to));
        }

        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>
    /// A range over a field holding account ids, with open ends closed at the Account key prefix (<c>001</c>), so that a
    /// polymorphic reference (a Task's WhatId may name an Opportunity, <c>006…</c>) selects accounts only.
    /// </summary>
    private static Func<string, string> AccountKeyRange(string? from, string? to) =>
        field => IdRange(field, from ?? "001000000000000", to ?? "002000000000000")!;

    /// <summary><c>, field</c> when contacts' titles are read (<c>Signals:ContactTitles</c>), else nothing.</summary>
    private string Titles(string field) => options.Signals.ContactTitles ? ", " + field : "";

    private static string Where(string? condition) => condition is null ? "" : " WHERE " + condition;

    /// <summary>CampaignMembers of the accounts' contacts since <paramref name="signalsSince"/>.</summary>
    public string CampaignMembers(IEnumerable<string> accountIds, DateTimeOffset signalsSince) =>
        "SELECT Id, ContactId, Contact.AccountId" + Titles(ContactTitle) + ", Status, CreatedDate, SystemModstamp, Campaign.Name FROM CampaignMember"
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

    /// <summary>
    /// Splits ids into <c>IN</c> lists of at most <paramref name="maxIds"/> whose text (<c>'id',</c> each) stays within
    /// <paramref name="maxListLength"/> characters, the room a statement leaves under SOQL's length limit.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> IdChunks(IReadOnlyList<string> ids, int maxIds, int maxListLength)
    {
        var chunk = new List<string>();
        var length = 2;
        foreach (var id in ids)
        {
            var cost = id.Length + 3;
            if (chunk.Count > 0 && (chunk.Count >= maxIds || length + cost > maxListLength))
            {
                yield return chunk;
                chunk = [];
                length = 2;
            }

            chunk.Add(id);
            length += cost;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public static string? And(string? left, string? right) =>
        left is null ? right : right is null ? left : "(" + left + ") AND (" + right + ")";

    private static string CheckedName(string item) => item.StartsWith('(') ? item : SoqlLiteral.Field(item);
}

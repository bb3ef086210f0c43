using Alignment.Sandbox.Salesforce;

namespace Alignment.Sandbox.Tests.Salesforce;

public sealed class EmulatedRecordTests
{
    [Fact]
    public void Field_NeverSet_ReadsNullAndIsNotListed_SetToNull_IsListed()
    {
        var layout = new RecordLayout("Account");
        layout.Add("Name");
        layout.Add("Industry");
        var record = new EmulatedRecord(layout, "001000000000001AAA") { ["Industry"] = null };

        Assert.Null(record["Name"]);
        Assert.Null(record["Unknown__c"]);
        Assert.Equal(["Id", "Industry"], record.SetFields().Select(f => f.Key).Order());
        Assert.Equal("001000000000001AAA", record["id"]); // field names are case-insensitive, as in SOQL
    }

    [Fact]
    public void AuditInstants_AreKeptToTheSecond_AsSalesforceKeepsThem_OtherInstantsWhole()
    {
        var at = new DateTimeOffset(2026, 12, 4, 15, 10, 5, 742, TimeSpan.FromHours(1)).AddTicks(3);
        var record = new EmulatedRecord(new RecordLayout("Account"), "001000000000001AAA")
        {
            ["SystemModstamp"] = at,
            ["lastmodifieddate"] = at,
            ["CreatedDate"] = at,
            ["Occurred_At__c"] = at,
        };

        var second = new DateTimeOffset(2026, 12, 4, 14, 10, 5, TimeSpan.Zero);
        Assert.Equal(second, record["SystemModstamp"]);
        Assert.Equal(second, record["LastModifiedDate"]);
        Assert.Equal(second, record["CreatedDate"]);
        Assert.Equal(at, record["Occurred_At__c"]);
    }

    [Fact]
    public void Field_AddedAfterARecordWasMade_ReadsNullOnItUntilSet()
    {
        var layout = new RecordLayout("Task");
        var older = new EmulatedRecord(layout, "00T000000000001AAA");
        var newer = new EmulatedRecord(layout, "00T000000000002AAA") { ["Subject"] = "Call" };

        Assert.Null(older["Subject"]);
        older["Subject"] = "Email";
        older["Status"] = "Completed";

        Assert.Equal("Email", older["Subject"]);
        Assert.Equal("Call", newer["Subject"]);
        Assert.Null(newer["Status"]);
        Assert.Equal(["Id", "Subject", "Status"], layout.Names);
    }

    [Fact]
    public void Fields_AddedFromManyThreads_EachGetsOneSlot()
    {
        var layout = new RecordLayout("Event");
        var records = Enumerable.Range(0, 8).Select(i => new EmulatedRecord(layout, "00U00000000000" + i + "AAA")).ToArray();

        Parallel.For(0, 8, r =>
        {
            for (var f = 0; f < 200; f++)
            {
                records[r]["Field" + f + "__c"] = r * 1000 + f;
            }
        });

        Assert.Equal(201, layout.Count);
        Assert.Equal(201, layout.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Enumerable.Range(0, 8), r => Assert.All(Enumerable.Range(0, 200), f => Assert.Equal(r * 1000 + f, records[r]["Field" + f + "__c"])));
    }
}

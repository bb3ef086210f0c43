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

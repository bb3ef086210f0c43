using System.Xml.Linq;
using Alignment.Salesforce.Configuration;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>
/// The scoreboard's CRM views in infra/salesforce (docs/scoreboard.md, "In the CRM"): the report type, the four reports and
/// the dashboard reference only fields that exist, in the element order and with the enumerated values of the
/// Metadata API's WSDL (Report, ReportType, Dashboard).
/// </summary>
public sealed class SalesforceReportMetadataTests
{
    private static readonly XNamespace Ns = SalesforceMetadataSource.Ns;
    private static readonly SalesforceFieldMap Defaults = new();
    private static readonly string Default = SalesforceMetadataSource.DefaultDirectory;

    /// <summary>The standard Account fields the report type exposes besides the custom ones in objects/Account/fields.</summary>
    private static readonly Dictionary<string, string> StandardFields = new(StringComparer.Ordinal)
    {
        ["Name"] = "Text", ["Owner"] = "Lookup", ["CreatedDate"] = "DateTime",
    };

    // Element order of each type's xsd:sequence in the Metadata API WSDL (the API refuses elements out of order).
    private static readonly string[] ReportSequence =
    [
        "aggregateFilters", "aggregates", "block", "blockInfo", "buckets", "chart", "colorRanges", "columns", "crossFilters",
        "currency", "customDetailFormulas", "dataCategoryFilters", "description", "division", "filter", "folderName", "format",
        "formattingRules", "groupingsAcross", "groupingsDown", "historicalSelector", "isSmartTotalDisabled", "name",
        "numSubscriptions", "params", "reportType", "reportTypeApiName", "roleHierarchyFilter", "rowLimit", "scope",
        "showCurrentDate", "showDetails", "showGrandTotal", "showSubTotals", "sortColumn", "sortOrder", "territoryHierarchyFilter",
        "timeFrameFilter", "userFilter",
    ];

    private static readonly string[] DashboardSequence =
    [
        "backgroundEndColor", "backgroundFadeDirection", "backgroundStartColor", "chartTheme", "colorPalette", "dashboardChartTheme",
        "dashboardColorPalette", "dashboardFilters", "dashboardGridLayout", "dashboardResultRefreshedDate",
        "dashboardResultRunningUser", "dashboardType", "description", "folderName", "isGridLayout", "leftSection", "middleSection",
        "numSubscriptions", "owner", "rightSection", "runningUser", "textColor", "title", "titleColor", "titleSize",
    ];

    private static readonly string[] DashboardRequired = ["backgroundEndColor", "backgroundFadeDirection", "backgroundStartColor", "textColor", "title", "titleColor", "titleSize"];

    private static readonly string[] ComponentSequence =
    [
        "autoselectColumnsFromReport", "chartAxisRange", "chartAxisRangeMax", "chartAxisRangeMin", "chartSummary", "componentChartTheme",
        "componentType", "dashboardComponentContents", "dashboardDynamicValues", "dashboardFilterColumns", "dashboardTableColumn",
        "decimalPrecision", "displayUnits", "drillDownUrl", "drillEnabled", "drillToDetailEnabled", "enableHover", "expandOthers",
        "flexComponentProperties", "footer", "gaugeMax", "gaugeMin", "groupingColumn", "groupingSortProperties", "header",
        "indicatorBreakpoint1", "indicatorBreakpoint2", "indicatorHighColor", "indicatorLowColor", "indicatorMiddleColor",
        "legendPosition", "maxValuesDisplayed", "metricLabel", "page", "pageHeightInPixels", "report", "scontrol",
        "scontrolHeightInPixels", "showPercentage", "showPicturesOnCharts", "showPicturesOnTables", "showRange", "showTotal",
        "showValues", "sortBy", "sortLegendValues", "title", "useReportChart",
    ];

    private static readonly string[] ReportTypeSequence = ["baseObject", "category", "deployed", "description", "join", "label", "sections"];

    private static readonly HashSet<string> FilterOperations =
        ["equals", "notEqual", "lessThan", "greaterThan", "lessOrEqual", "greaterOrEqual", "contains", "notContain", "startsWith", "includes", "excludes", "within"];

    private static readonly HashSet<string> Intervals = ["INTERVAL_CUSTOM", "INTERVAL_THISWEEK", "INTERVAL_LASTWEEK", "INTERVAL_LAST7", "INTERVAL_LAST30", "INTERVAL_THISMONTH"];

    private static readonly HashSet<string> ChartComponents = ["Bar", "BarGrouped", "Column", "ColumnGrouped", "Donut", "Pie", "Funnel", "Line"];

    private static string ReportTypePath => Path.Combine(Default, "reportTypes", "Alignment_Accounts.reportType-meta.xml");

    private static IReadOnlyDictionary<string, XElement> Reports() =>
        Directory.GetFiles(Path.Combine(Default, "reports", "Alignment"), "*.report-meta.xml")
            .ToDictionary(p => Path.GetFileName(p)[..^".report-meta.xml".Length], p => XDocument.Load(p).Root!, StringComparer.Ordinal);

    private static XElement Dashboard() =>
        XDocument.Load(Path.Combine(Default, "dashboards", "Alignment", "Alignment_Scoreboard.dashboard-meta.xml")).Root!;

    private static HashSet<string> ReportTypeColumns() =>
    [
        .. XDocument.Load(ReportTypePath).Root!.Elements(Ns + "sections").Elements(Ns + "columns")
            .Select(c => SalesforceMetadataSource.Text(c, "field")!),
    ];

    /// <summary>Every <c>Account$Field</c> a report names: columns, filter columns, groupings, the time frame's date column.</summary>
    private static IEnumerable<string> ReferencedColumns(XElement report) =>
        report.Elements(Ns + "columns").Select(c => SalesforceMetadataSource.Text(c, "field")!)
            .Concat(report.Elements(Ns + "filter").Elements(Ns + "criteriaItems").Select(c => SalesforceMetadataSource.Text(c, "column")!))
            .Concat(report.Elements(Ns + "groupingsDown").Select(g => SalesforceMetadataSource.Text(g, "field")!))
            .Concat(report.Elements(Ns + "timeFrameFilter").Select(t => SalesforceMetadataSource.Text(t, "dateColumn")!));

    private static string TypeOf(string field) =>
        StandardFields.TryGetValue(field, out var type) ? type : SalesforceMetadataSource.AccountFields()[field].Type;

    private static void AssertOrder(XElement element, string[] sequence)
    {
        var names = element.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.All(names, n => Assert.Contains(n, sequence));
        var positions = names.Select(n => Array.IndexOf(sequence, n)).ToList();
        Assert.True(positions.SequenceEqual(positions.Order()), $"{element.Name.LocalName} elements out of the WSDL order: {string.Join(", ", names)}");
    }

    [Fact]
    public void ReportType_BasedOnAccount_EveryColumnIsAFieldThatExists()
    {
        var root = XDocument.Load(ReportTypePath).Root!;
        var custom = SalesforceMetadataSource.AccountFields();

        AssertOrder(root, ReportTypeSequence);
        Assert.Equal(("Account", "accounts", "true"), (SalesforceMetadataSource.Text(root, "baseObject"), SalesforceMetadataSource.Text(root, "category"), SalesforceMetadataSource.Text(root, "deployed")));
        Assert.All(root.Elements(Ns + "sections").Elements(Ns + "columns"), c =>
        {
            Assert.Equal("Account", SalesforceMetadataSource.Text(c, "table"));
            var field = SalesforceMetadataSource.Text(c, "field")!;
            Assert.True(custom.ContainsKey(field) || StandardFields.ContainsKey(field), field + " is not a field the project ships nor a standard one.");
        });
    }

    [Fact]
    public void ReportType_ExposesEveryConnectorAndHumanField()
    {
        var columns = ReportTypeColumns();

        Assert.All(Enum.GetValues<AlignmentField>(), f => Assert.Contains(Defaults.NameOf(f), columns));
    }

    [Fact]
    public void Reports_TheFourOfTheScoreboard_AreShipped()
    {
        Assert.Equal(
            ["Alignment_Awaiting_Tier_Confirmation", "Alignment_Breaches_This_Week_By_Owner", "Alignment_Handoffs_By_Rule", "Alignment_Tier1_By_SLA_Status"],
            Reports().Keys.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(Default, "reports", "Alignment.reportFolder-meta.xml")));
    }

    [Fact]
    public void Reports_Every_UsesTheReportTypeAndOnlyItsColumns_InWsdlOrder()
    {
        var columns = ReportTypeColumns();

        Assert.All(Reports(), pair =>
        {
            var report = pair.Value;
            AssertOrder(report, ReportSequence);
            Assert.Equal("Alignment_Accounts__c", SalesforceMetadataSource.Text(report, "reportType"));
            Assert.Equal("Summary", SalesforceMetadataSource.Text(report, "format"));
            Assert.False(string.IsNullOrWhiteSpace(SalesforceMetadataSource.Text(report, "name")));
            Assert.All(ReferencedColumns(report), column =>
            {
                Assert.StartsWith("Account$", column, StringComparison.Ordinal);
                Assert.True(columns.Contains(column["Account$".Length..]), $"{pair.Key}: {column} is not a column of the report type.");
            });
        });
    }

    [Fact]
    public void Reports_FilterValues_AreValuesTheFieldsHold()
    {
        var fields = SalesforceMetadataSource.AccountFields();

        Assert.All(Reports().Values.SelectMany(r => r.Elements(Ns + "filter").Elements(Ns + "criteriaItems")), item =>
        {
            var field = SalesforceMetadataSource.Text(item, "column")!["Account$".Length..];
            var value = SalesforceMetadataSource.Text(item, "value")!;
            Assert.Contains(SalesforceMetadataSource.Text(item, "operator")!, FilterOperations);
            switch (TypeOf(field))
            {
                case "Picklist": Assert.Contains(value, fields[field].PicklistValues); break;
                case "Checkbox": Assert.Contains(value, new[] { "0", "1" }); break;
                default: Assert.Fail($"{field}: no check for a filter on a {TypeOf(field)} field."); break;
            }
        });
    }

    [Fact]
    public void Reports_TimeFrames_AreOnDateFieldsWithAKnownInterval()
    {
        Assert.All(Reports().Values.Select(r => r.Element(Ns + "timeFrameFilter")!), frame =>
        {
            Assert.Equal("DateTime", TypeOf(SalesforceMetadataSource.Text(frame, "dateColumn")!["Account$".Length..]));
            Assert.Contains(SalesforceMetadataSource.Text(frame, "interval")!, Intervals);
        });
    }

    [Fact]
    public void Reports_EachAnswersItsQuestion_WithTheConnectorsFields()
    {
        var reports = Reports();
        string Filter(string report) => string.Join(" ", reports[report].Elements(Ns + "filter").Elements(Ns + "criteriaItems")
            .Select(c => $"{SalesforceMetadataSource.Text(c, "column")} {SalesforceMetadataSource.Text(c, "operator")} {SalesforceMetadataSource.Text(c, "value")}"));
        string Grouping(string report) => SalesforceMetadataSource.Text(reports[report].Element(Ns + "groupingsDown"), "field")!;
        string Frame(string report) => $"{SalesforceMetadataSource.Text(reports[report].Element(Ns + "timeFrameFilter"), "dateColumn")} {SalesforceMetadataSource.Text(reports[report].Element(Ns + "timeFrameFilter"), "interval")}";

        Assert.Equal($"Account${Defaults.Tier} equals Tier1", Filter("Alignment_Tier1_By_SLA_Status"));
        Assert.Equal($"Account${Defaults.SlaStatus}", Grouping("Alignment_Tier1_By_SLA_Status"));
        Assert.Equal($"Account${Defaults.SlaStatus} equals Breached", Filter("Alignment_Breaches_This_Week_By_Owner"));
        Assert.Equal("Account$Owner", Grouping("Alignment_Breaches_This_Week_By_Owner"));
        Assert.Equal($"Account${Defaults.SlaDue} INTERVAL_THISWEEK", Frame("Alignment_Breaches_This_Week_By_Owner"));
        Assert.Equal($"Account${Defaults.HandoffRule}", Grouping("Alignment_Handoffs_By_Rule"));
        Assert.Equal($"Account${Defaults.HandoffAt} INTERVAL_THISWEEK", Frame("Alignment_Handoffs_By_Rule"));
        Assert.Equal($"Account${Defaults.ReviewDue} equals 1", Filter("Alignment_Awaiting_Tier_Confirmation"));
        Assert.Equal($"Account${Defaults.Tier}", Grouping("Alignment_Awaiting_Tier_Confirmation"));
    }

    [Fact]
    public void Dashboard_RequiredElementsInWsdlOrder_ComponentsChartShippedSummaryReports()
    {
        var dashboard = Dashboard();
        var reports = Reports();

        AssertOrder(dashboard, DashboardSequence);
        Assert.All(DashboardRequired, name => Assert.NotNull(dashboard.Element(Ns + name)));
        Assert.Equal("LoggedInUser", SalesforceMetadataSource.Text(dashboard, "dashboardType")); // no running user to ship
        Assert.True(File.Exists(Path.Combine(Default, "dashboards", "Alignment.dashboardFolder-meta.xml")));
        var components = dashboard.Elements().Where(e => e.Name.LocalName.EndsWith("Section", StringComparison.Ordinal))
            .SelectMany(s => s.Elements(Ns + "components")).ToList();
        Assert.Equal(reports.Count, components.Count);
        Assert.All(components, component =>
        {
            AssertOrder(component, ComponentSequence);
            Assert.Contains(SalesforceMetadataSource.Text(component, "componentType")!, ChartComponents);
            var reference = SalesforceMetadataSource.Text(component, "report")!;
            Assert.StartsWith("Alignment/", reference, StringComparison.Ordinal);
            Assert.True(reports.TryGetValue(reference["Alignment/".Length..], out var report), reference + " is not a shipped report.");
            Assert.Equal("Summary", SalesforceMetadataSource.Text(report, "format")); // a chart needs the report's grouping
        });
        Assert.Equal(reports.Keys.Order(StringComparer.Ordinal),
            components.Select(c => SalesforceMetadataSource.Text(c, "report")!["Alignment/".Length..]).Order(StringComparer.Ordinal));
    }
}

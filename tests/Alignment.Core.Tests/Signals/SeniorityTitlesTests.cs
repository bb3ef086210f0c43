using Alignment.Core.Signals;

namespace Alignment.Core.Tests.Signals;

public sealed class SeniorityTitlesTests
{
    [Theory]
    [InlineData("Chief Executive Officer", Seniority.Executive)]
    [InlineData("CFO", Seniority.Executive)]
    [InlineData("Co-Founder & CTO", Seniority.Executive)]
    [InlineData("Founder", Seniority.Executive)]
    [InlineData("President", Seniority.Executive)]
    [InlineData("Managing Director, EMEA", Seniority.Executive)]
    [InlineData("Owner", Seniority.Executive)]
    [InlineData("Vice President of Sales", Seniority.VicePresident)]
    [InlineData("Senior Vice-President, Marketing", Seniority.VicePresident)]
    [InlineData("SVP Revenue", Seniority.VicePresident)]
    [InlineData("vp engineering", Seniority.VicePresident)]
    [InlineData("Head of Demand Generation", Seniority.VicePresident)]
    [InlineData("VP and Director of Sales", Seniority.VicePresident)]
    [InlineData("Director of IT", Seniority.Director)]
    [InlineData("Senior Director, Procurement", Seniority.Director)]
    [InlineData("Marketing Manager", Seniority.Manager)]
    [InlineData("Team Lead, Support", Seniority.Manager)]
    [InlineData("Supervisor", Seniority.Manager)]
    [InlineData("Software Engineer", Seniority.Staff)]
    [InlineData("Lead Engineer", Seniority.Staff)]
    [InlineData("Product Owner", Seniority.Staff)]
    [InlineData("Executive Assistant to the CEO", Seniority.Staff)]
    [InlineData("Directory Services Analyst", Seniority.Staff)]
    [InlineData("Chiefly curious", Seniority.Staff)]
    public void Classify_Title_TheHighestLevelItNames(string title, Seniority expected) =>
        Assert.Equal(expected, SeniorityTitles.Classify(title));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_NoTitle_Unknown(string? title) => Assert.Null(SeniorityTitles.Classify(title));
}

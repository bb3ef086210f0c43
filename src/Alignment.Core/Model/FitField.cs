namespace Alignment.Core.Model;

/// <summary>The account fields a fit criterion may test. JSON spelling: camelCase (e.g. <c>annualRevenue</c>).</summary>
public enum FitField
{
    /// <summary>Head count; tested with bands.</summary>
    Employees,

    /// <summary>Annual revenue in the CRM's corporate currency; tested with bands.</summary>
    AnnualRevenue,

    /// <summary>Industry name; tested with <c>anyOf</c>.</summary>
    Industry,

    /// <summary>ISO 3166-1 alpha-2 country code; tested with <c>anyOf</c>.</summary>
    Country,

    /// <summary>Technologies in use; met when any of them is in <c>anyOf</c>.</summary>
    Technologies,
}

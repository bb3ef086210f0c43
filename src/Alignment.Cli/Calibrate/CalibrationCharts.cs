using System.Globalization;
using Alignment.Core.Calibration;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Alignment.Cli.Calibrate;

/// <summary>The report's charts, drawn by OxyPlot and exported as SVG markup (no script, no external resource).</summary>
internal static class CalibrationCharts
{
    private const double Width = 560;
    private const double Height = 380;

    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x2c, 0xa0, 0x2c), OxyColor.FromRgb(0xd6, 0x27, 0x28),
    ];

    /// <summary>ROC curves of the four dimensions with the diagonal of no signal.</summary>
    public static string Roc(CalibrationReport report)
    {
        var model = NewModel("ROC at creation (AUC in the legend)");
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = 1, Title = "lost opportunities selected (false-positive rate)" });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = 1, Title = "won opportunities selected (true-positive rate)", AxisTitleDistance = 8 });
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightBottom, LegendPlacement = LegendPlacement.Inside, LegendPadding = 16, LegendBackground = OxyColors.White, LegendBorder = OxyColors.LightGray });
        var diagonal = new LineSeries { Title = "no signal", Color = OxyColors.Gray, LineStyle = LineStyle.Dash };
        diagonal.Points.Add(new DataPoint(0, 0));
        diagonal.Points.Add(new DataPoint(1, 1));
        model.Series.Add(diagonal);
        var index = 0;
        foreach (var estimate in report.Dimensions)
        {
            var auc = estimate.Auc is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
            var series = new LineSeries { Title = $"{estimate.Dimension} {auc}", Color = Palette[index++ % Palette.Length], StrokeThickness = 2 };
            foreach (var point in estimate.Curve)
            {
                series.Points.Add(new DataPoint(point.FalsePositiveRate, point.TruePositiveRate));
            }

            model.Series.Add(series);
        }

        return Export(model);
    }

    /// <summary>Lift per composite-score decile (1 = highest scores), with the line of no lift.</summary>
    public static string Lift(CalibrationReport report)
    {
        var model = NewModel("Lift by composite-score decile");
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0.4, Maximum = Math.Max(10, report.Lift.Length) + 0.6, MajorStep = 1, MinorStep = 1, Title = "decile (1 = highest scores)" });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Title = "lift (decile win rate / overall)", AxisTitleDistance = 8 });
        var bars = new LinearBarSeries { Title = "lift", FillColor = Palette[0], BarWidth = 30 };
        foreach (var decile in report.Lift)
        {
            bars.Points.Add(new DataPoint(decile.Decile, decile.Lift));
        }

        model.Series.Add(bars);
        var one = new LineSeries { Title = "no lift", Color = OxyColors.Gray, LineStyle = LineStyle.Dash };
        one.Points.Add(new DataPoint(0.4, 1));
        one.Points.Add(new DataPoint(Math.Max(10, report.Lift.Length) + 0.6, 1));
        model.Series.Add(one);
        return Export(model);
    }

    /// <summary>Win rate per tier at creation.</summary>
    public static string TierWinRates(CalibrationReport report)
    {
        var model = NewModel("Win rate by tier at creation");
        var names = report.Tiers.Select(t => t.Tier.ToString()).ToArray();
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Minimum = 0.4, Maximum = names.Length + 0.6, MajorStep = 1, MinorStep = 1, Title = "tier",
            LabelFormatter = x => Math.Abs(x - Math.Round(x)) < 1e-9 && x >= 1 && x <= names.Length ? names[(int)Math.Round(x) - 1] : string.Empty,
        });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = 1, Title = "win rate", StringFormat = "0%", AxisTitleDistance = 8 });
        var bars = new LinearBarSeries { Title = "win rate", FillColor = Palette[2], BarWidth = 50 };
        for (var i = 0; i < report.Tiers.Length; i++)
        {
            bars.Points.Add(new DataPoint(i + 1, report.Tiers[i].WinRate ?? 0));
        }

        model.Series.Add(bars);
        return Export(model);
    }

    private static PlotModel NewModel(string title) => new()
    {
        Title = title,
        TitleFontSize = 14,
        DefaultFont = "Helvetica",
        Background = OxyColors.White,
    };

    private static string Export(PlotModel model)
    {
        var svg = SvgExporter.ExportToString(model, Width, Height, isDocument: false);
        return svg;
    }
}

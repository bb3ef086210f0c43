using System.Globalization;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Salesforce.Configuration;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Mapping;

/// <summary>
/// Builds the sObject Collections body: only the fields named in <see cref="AccountWrite.Fields"/>, never
/// a field a person sets (<see cref="AlignmentFields.IsHumans"/>: the tier lock, the rep's feedback). Instants are written as UTC with <c>Z</c>.
/// </summary>
internal static class SalesforceWriteMapper
{
    public static bool HasWritableFields(AccountWrite write) => write.Fields.Any(f => !AlignmentFields.IsHumans(f));

    public static byte[] Serialize(IReadOnlyList<AccountWrite> writes, SalesforceFieldMap fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("allOrNone", false);
            w.WriteStartArray("records");
            foreach (var write in writes)
            {
                w.WriteStartObject();
                w.WriteStartObject("attributes");
                w.WriteString("type", "Account");
                w.WriteEndObject();
                w.WriteString("id", write.AccountId);
                foreach (var field in write.Fields.Where(f => !AlignmentFields.IsHumans(f)).Order())
                {
                    WriteValue(w, fields.NameOf(field), field, write.Values);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The value a field takes on Salesforce: an <see cref="int"/> (scores), a <see cref="bool"/> (checkboxes), a
    /// <see cref="string"/> (picklists, text, instants as UTC with <c>Z</c>) or null. One source for the REST body and the Bulk API CSV.
    /// </summary>
    public static object? ValueOf(AlignmentField field, AlignmentState v) => field switch
    {
        AlignmentField.Score => v.Score,
        AlignmentField.FitScore => v.Fit,
        AlignmentField.IntentScore => v.Intent,
        AlignmentField.EngagementScore => v.Engagement,
        AlignmentField.Tier => v.Tier.ToString(),
        AlignmentField.ScoreReasons => v.Reasons,
        AlignmentField.ModelVersion => v.ModelVersion,
        AlignmentField.ScoredAt => Instant(v.ScoredAt),
        AlignmentField.HandoffStatus => v.HandoffStatus.ToString(),
        AlignmentField.HandoffRule => v.HandoffRule,
        AlignmentField.HandoffAt => Instant(v.HandoffAt),
        AlignmentField.SlaDue => Instant(v.SlaDue),
        AlignmentField.SlaStatus => v.SlaStatus?.ToString(),
        AlignmentField.FirstResponseAt => Instant(v.FirstResponseAt),
        AlignmentField.ReviewDue => v.ReviewDue,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a writable field."),
    };

    private static void WriteValue(Utf8JsonWriter w, string name, AlignmentField field, AlignmentState v)
    {
        switch (ValueOf(field, v))
        {
            case int n: w.WriteNumber(name, n); break;
            case string s: w.WriteString(name, s); break;
            case bool b: w.WriteBoolean(name, b); break;
            default: w.WriteNull(name); break;
        }
    }

    private static string? Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

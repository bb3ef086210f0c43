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

    private static void WriteValue(Utf8JsonWriter w, string name, AlignmentField field, AlignmentState v)
    {
        switch (field)
        {
            case AlignmentField.Score: Number(w, name, v.Score); break;
            case AlignmentField.FitScore: Number(w, name, v.Fit); break;
            case AlignmentField.IntentScore: Number(w, name, v.Intent); break;
            case AlignmentField.EngagementScore: Number(w, name, v.Engagement); break;
            case AlignmentField.Tier: w.WriteString(name, v.Tier.ToString()); break;
            case AlignmentField.ScoreReasons: Text(w, name, v.Reasons); break;
            case AlignmentField.ModelVersion: Text(w, name, v.ModelVersion); break;
            case AlignmentField.ScoredAt: Instant(w, name, v.ScoredAt); break;
            case AlignmentField.HandoffStatus: w.WriteString(name, v.HandoffStatus.ToString()); break;
            case AlignmentField.HandoffRule: Text(w, name, v.HandoffRule); break;
            case AlignmentField.HandoffAt: Instant(w, name, v.HandoffAt); break;
            case AlignmentField.SlaDue: Instant(w, name, v.SlaDue); break;
            case AlignmentField.SlaStatus: Text(w, name, v.SlaStatus?.ToString()); break;
            case AlignmentField.FirstResponseAt: Instant(w, name, v.FirstResponseAt); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a writable field.");
        }
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } n)
        {
            w.WriteNumber(name, n);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Instant(Utf8JsonWriter w, string name, DateTimeOffset? value) =>
        Text(w, name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}

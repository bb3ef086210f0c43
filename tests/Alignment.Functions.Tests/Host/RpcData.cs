using System.Globalization;
using System.Text.Json;
using Alignment.Functions.Tests.Host.Protocol;
using Google.Protobuf;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// Invocation inputs as the host encodes them: an HTTP request as <c>RpcHttp</c> (body as bytes and headers as nullable
/// strings, which is what the worker's <c>RawHttpBodyBytes</c> and <c>UseNullableValueDictionaryForHttp</c>
/// capabilities ask for), a timer's <c>TimerInfo</c> as JSON.
/// </summary>
internal static class RpcData
{
    /// <summary>The trigger binding of an HTTP function (named after its parameter, e.g. <c>request</c>).</summary>
    public static ParameterBinding HttpRequest(string bindingName, string method, Uri url, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        var http = new RpcHttp
        {
            Method = method,
            Url = url.AbsoluteUri,
            Body = new TypedData { Bytes = ByteString.CopyFrom(body) },
        };
        foreach (var (name, value) in headers)
        {
            http.NullableHeaders[name] = new NullableString { Value = value };
        }

        foreach (var (name, value) in Query(url))
        {
            http.NullableQuery[name] = new NullableString { Value = value };
        }

        return new ParameterBinding { Name = bindingName, Data = new TypedData { Http = http } };
    }

    /// <summary>The trigger binding of a timer function: <c>TimerInfo</c> as the host serializes it.</summary>
    public static ParameterBinding Timer(string bindingName, DateTimeOffset last, DateTimeOffset next, bool isPastDue)
    {
        var json = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = last.UtcDateTime, Next = next.UtcDateTime, LastUpdated = last.UtcDateTime },
            IsPastDue = isPastDue,
        });
        return new ParameterBinding { Name = bindingName, Data = new TypedData { Json = json } };
    }

    /// <summary>The HTTP response an HTTP function returned (its <c>$return</c> binding).</summary>
    public static HttpInvocationResult HttpResponse(InvocationResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var http = response.ReturnValue?.Http
            ?? throw new InvalidOperationException($"The invocation returned no HTTP response (return value: {response.ReturnValue?.DataCase.ToString() ?? "none"}).");
        var status = int.Parse(http.StatusCode, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var body = http.Body?.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => http.Body.Bytes.ToStringUtf8(),
            TypedData.DataOneofCase.String => http.Body.String,
            TypedData.DataOneofCase.Json => http.Body.Json,
            _ => "",
        };
        return new HttpInvocationResult(status, new Dictionary<string, string>(http.Headers, StringComparer.OrdinalIgnoreCase), body);
    }

    private static IEnumerable<KeyValuePair<string, string>> Query(Uri url)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0
                ? new(Uri.UnescapeDataString(pair), "")
                : new(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        }
    }
}

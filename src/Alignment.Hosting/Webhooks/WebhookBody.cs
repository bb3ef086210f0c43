using System.Globalization;

namespace Alignment.Hosting.Webhooks;

/// <summary>Reads a webhook body as raw bytes (signatures are over these), bounded.</summary>
public static class WebhookBody
{
    /// <summary>The bytes of <paramref name="body"/>, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string TooLargeMessage(int maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than {maxBytes} bytes ({WebhookHostOptions.SectionName}:{nameof(WebhookHostOptions.MaxBodyBytes)}).");
}

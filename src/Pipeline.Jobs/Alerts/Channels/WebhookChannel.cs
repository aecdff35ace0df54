using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Jobs.Alerts.Channels;

/// <summary>
/// POSTs the digest as JSON (<c>{"chamber", "run_id", "alerts": [{"rule", "chamber", "subject", "period",
/// "severity", "status", "at", "text"}]}</c>, plus <c>"reminder": true</c> for the weekly reminder) to a URL.
/// Network errors, timeouts of the client, 5xx and 429 are retried up to <c>attempts</c> times in all, waiting
/// <c>firstDelay</c> (default 1 s) then doubling; any other non-2xx reply fails at once.
/// </summary>
public sealed class WebhookChannel : IAlertChannel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly int _attempts;
    private readonly TimeSpan _firstDelay;

    /// <summary>Creates the channel.</summary>
    /// <param name="client">The HTTP client (its <see cref="HttpClient.Timeout"/> bounds each attempt).</param>
    /// <param name="url">Absolute URL to POST to.</param>
    /// <param name="attempts">Total attempts, at least 1.</param>
    /// <param name="firstDelay">Wait before the second attempt; doubled before each further one. Default 1 s.</param>
    public WebhookChannel(HttpClient client, Uri url, int attempts = 3, TimeSpan? firstDelay = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
            throw new ArgumentException("The webhook URL must be absolute.", nameof(url));
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var delay = firstDelay ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(firstDelay));
        _client = client;
        _url = url;
        _attempts = attempts;
        _firstDelay = delay;
    }

    /// <inheritdoc />
    public string Name => "webhook";

    /// <summary>The JSON body posted for a digest.</summary>
    public static string ToJson(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var payload = new Payload(digest.Chamber, digest.RunId,
            digest.Alerts.Select(a => new PayloadAlert(a.Rule, a.Chamber, a.Subject, a.Period, a.Severity, a.Status, a.At, a.Text)).ToList())
        {
            Reminder = digest.Reminder,
        };
        return JsonSerializer.Serialize(payload, Json);
    }

    /// <inheritdoc />
    public async Task<ChannelResult> SendAsync(AlertDigest digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ct.ThrowIfCancellationRequested();
        if (digest.Alerts.Count == 0)
            return new ChannelResult(false, 0, $"no alerts for chamber {digest.Chamber}");

        var json = ToJson(digest);
        string? error = null;
        var delay = _firstDelay;
        for (var attempt = 1; attempt <= _attempts; attempt++)
        {
            bool retryable;
            try
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await _client.PostAsync(_url, content, ct);
                var code = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new ChannelResult(true, attempt, null);
                error = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
                retryable = code >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                error = $"timed out after {_client.Timeout.TotalMilliseconds:0} ms";
                retryable = true;
            }
            catch (HttpRequestException ex)
            {
                error = ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
                retryable = true;
            }

            if (!retryable || attempt == _attempts)
                return new ChannelResult(false, attempt, OneLine($"webhook {_url}: {error}"));
            await Task.Delay(delay, ct);
            delay *= 2;
        }
        // unreachable: the loop returns on its last attempt
        return new ChannelResult(false, _attempts, OneLine($"webhook {_url}: {error}"));
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    private sealed record Payload(string Chamber, long RunId, IReadOnlyList<PayloadAlert> Alerts)
    {
        /// <summary><c>"reminder": true</c> in the weekly reminder of the alerts still open; left out otherwise.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool Reminder { get; init; }
    }

    private sealed record PayloadAlert(string Rule, string Chamber, string Subject, string Period, string Severity, string Status, DateTimeOffset At, string Text);
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

/// <summary>One HTTP request the fake server received.</summary>
public sealed record HttpRequestRecord(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (free port): reads one request per connection (Content-Length body),
/// answers with the next status of <c>statuses</c> (the last one repeats), closes the connection.
/// </summary>
public sealed class FakeHttpServer : LocalTcpServer
{
    private readonly int[] _statuses;
    private int _served;

    public FakeHttpServer(params int[] statuses)
    {
        _statuses = statuses.Length == 0 ? [200] : statuses;
        Start();
    }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/alerts");
    public ConcurrentQueue<HttpRequestRecord> Requests { get; } = new();

    protected override async Task ServeAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8)) < 0)
        {
            var n = await stream.ReadAsync(chunk, ct);
            if (n == 0) return;
            buffer.Write(chunk, 0, n);
        }
        var head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(h => h.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl) : 0;
        while (buffer.Length - headerEnd - 4 < length)
        {
            var n = await stream.ReadAsync(chunk, ct);
            if (n == 0) return;
            buffer.Write(chunk, 0, n);
        }
        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), headerEnd + 4, length);
        Requests.Enqueue(new HttpRequestRecord(requestLine[0], requestLine[1], headers, body));

        var index = Interlocked.Increment(ref _served) - 1;
        var status = _statuses[Math.Min(index, _statuses.Length - 1)];
        var response = $"HTTP/1.1 {status} Status{status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), ct);
    }

    private static int IndexOf(MemoryStream buffer, ReadOnlySpan<byte> pattern) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(pattern);
}

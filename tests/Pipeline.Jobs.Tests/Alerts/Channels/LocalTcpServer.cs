using System.Net;
using System.Net.Sockets;

namespace Pipeline.Jobs.Tests.Alerts.Channels;

/// <summary>
/// A listener on 127.0.0.1 (a free port) for the fake servers: each connection is served on a task of its own and cut
/// after 10 s; a dropped connection, or the end of the test, ends it quietly. The fake says what a connection gets.
/// </summary>
public abstract class LocalTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts listening; called by the fake's constructor once its own settings are in place.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>One connection's conversation.</summary>
    protected abstract Task ServeAsync(NetworkStream stream, CancellationToken ct);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeClientAsync(client));
        }
    }

    private async Task ServeClientAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await ServeAsync(client.GetStream(), timeout.Token);
        }
        catch (Exception)
        {
            // connection dropped or test over
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace SnowOps.Cli.Messages;

/// <summary>RabbitMQ's management HTTP API, the one way to list a virtual host's queues.</summary>
public sealed class ManagementApi : IDisposable
{
    readonly HttpClient http;
    readonly BrokerAddress address;

    public ManagementApi(BrokerAddress address)
    {
        this.address = address;
        http = new HttpClient { BaseAddress = new Uri($"http://{address.Host}:{address.ManagementPort}"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{address.User}:{address.Password}")));
    }

    public sealed record Queue(string Name);

    public async Task<IReadOnlyList<string>> QueueNamesAsync(CancellationToken cancellationToken)
    {
        var where = $"the management API at {http.BaseAddress}";
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"api/queues/{Uri.EscapeDataString(address.VirtualHost)}?columns=name", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw MessagesRefused.Broker($"No answer from {where} (--management-port): {Broker.Innermost(e)}");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw MessagesRefused.BadInput($"There is no virtual host '{address.VirtualHost}'.");
            if (!response.IsSuccessStatusCode)
                throw MessagesRefused.Broker($"{where} answered {(int)response.StatusCode} {response.ReasonPhrase} for user '{address.User}'.");
            var queues = await response.Content.ReadFromJsonAsync<List<Queue>>(cancellationToken) ?? [];
            return queues.Select(q => q.Name).ToList();
        }
    }

    public void Dispose() => http.Dispose();
}

using MassTransit;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>
/// An endpoint of this process alone: a temporary queue, removed when the process stops, bound to the same messages as
/// every other replica's. A message published to it reaches every replica once (fan-out), where a module's shared
/// endpoint gives each message to one replica only.
/// </summary>
public static class InstanceEndpoint
{
    const string Marker = "instance-";

    /// <summary>This process's id, part of the name of each of its instance endpoints.</summary>
    public static string InstanceId { get; } = Marker + NewId.NextGuid().ToString("N")[..12];

    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.InstanceId = InstanceId;
        endpoint.Temporary = true;
    }

    public static bool Is(string? endpointName) => endpointName?.Contains(Marker, StringComparison.Ordinal) == true;
}

using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests;

/// <summary>Heating's consumer on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class HeatingHarness(Action<MeasuringMethod>? configure = null) : ModuleHarness<HeatingDbContext, HeatingSqliteContext>(
    HeatingModule.AddConsumers,
    services => services.Configure<MeasuringMethod>(method => configure?.Invoke(method)));

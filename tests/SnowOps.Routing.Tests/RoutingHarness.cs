using SnowOps.Routing.Data;
using SnowOps.Testing;

namespace SnowOps.Routing.Tests;

/// <summary>Routing's consumer on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class RoutingHarness() : ModuleHarness<RoutingDbContext, RoutingSqliteContext>(RoutingModule.AddConsumers);

using SnowOps.Demo;
using SnowOps.Host;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(DemoMode.ReadSwitch(args));
builder.AddDemo();
builder.AddServiceDefaults();
builder.AddModules();
builder.AddMessaging();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapModules();
await app.MigrateModuleDatabasesAsync();
await app.RunAsync();

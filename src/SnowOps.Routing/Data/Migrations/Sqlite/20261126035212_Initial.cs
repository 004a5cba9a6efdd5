using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "road_segments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    WayId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Highway = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PriorityClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NeedsDeIcing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bridge = table.Column<bool>(type: "INTEGER", nullable: false),
                    Slope = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmergencyAccess = table.Column<bool>(type: "INTEGER", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: false),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: false),
                    FromNode = table.Column<long>(type: "INTEGER", nullable: false),
                    ToNode = table.Column<long>(type: "INTEGER", nullable: false),
                    OneWay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passes = table.Column<int>(type: "INTEGER", nullable: false),
                    PassesBackward = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "route_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityClasses = table.Column<string>(type: "TEXT", nullable: false),
                    Plows = table.Column<int>(type: "INTEGER", nullable: false),
                    PavementCelsius = table.Column<double>(type: "REAL", nullable: false),
                    GramsPerSquareMeter = table.Column<double>(type: "REAL", nullable: false),
                    RequestDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BrokenVehicles = table.Column<string>(type: "TEXT", nullable: false),
                    BlockedSegments = table.Column<string>(type: "TEXT", nullable: false),
                    FinishedSegments = table.Column<string>(type: "TEXT", nullable: false),
                    Unserved = table.Column<string>(type: "TEXT", nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanningSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Vehicle = table.Column<int>(type: "INTEGER", nullable: false),
                    VehicleId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    VehicleKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaseName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PriorityClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: false),
                    ServiceMeters = table.Column<double>(type: "REAL", nullable: false),
                    DeadheadMeters = table.Column<double>(type: "REAL", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DeIcerKg = table.Column<double>(type: "REAL", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: false),
                    Streets = table.Column<string>(type: "TEXT", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_PriorityClass",
                table: "road_segments",
                column: "PriorityClass");

            migrationBuilder.CreateIndex(
                name: "IX_route_plans_SnowEventId_Revision",
                table: "route_plans",
                columns: new[] { "SnowEventId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                table: "routes",
                columns: new[] { "SnowEventId", "Revision", "Vehicle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "road_segments");

            migrationBuilder.DropTable(
                name: "route_plans");

            migrationBuilder.DropTable(
                name: "routes");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "routing");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "road_segments",
                schema: "routing",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    WayId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Highway = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PriorityClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NeedsDeIcing = table.Column<bool>(type: "boolean", nullable: false),
                    Bridge = table.Column<bool>(type: "boolean", nullable: false),
                    Slope = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyAccess = table.Column<bool>(type: "boolean", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(LineString,4326)", nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    FromNode = table.Column<long>(type: "bigint", nullable: false),
                    ToNode = table.Column<long>(type: "bigint", nullable: false),
                    OneWay = table.Column<bool>(type: "boolean", nullable: false),
                    Passes = table.Column<int>(type: "integer", nullable: false),
                    PassesBackward = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "route_plans",
                schema: "routing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PriorityClasses = table.Column<List<string>>(type: "text[]", nullable: false),
                    Plows = table.Column<int>(type: "integer", nullable: false),
                    PavementCelsius = table.Column<double>(type: "double precision", nullable: false),
                    GramsPerSquareMeter = table.Column<double>(type: "double precision", nullable: false),
                    RequestDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BrokenVehicles = table.Column<List<string>>(type: "text[]", nullable: false),
                    BlockedSegments = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    FinishedSegments = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    Unserved = table.Column<string>(type: "text", nullable: false),
                    Created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlanningSeconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                schema: "routing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Vehicle = table.Column<int>(type: "integer", nullable: false),
                    VehicleId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    VehicleKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BaseName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PriorityClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    ServiceMeters = table.Column<double>(type: "double precision", nullable: false),
                    DeadheadMeters = table.Column<double>(type: "double precision", nullable: false),
                    Seconds = table.Column<int>(type: "integer", nullable: false),
                    DeIcerKg = table.Column<double>(type: "double precision", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(MultiLineString,4326)", nullable: false),
                    Streets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_Geometry",
                schema: "routing",
                table: "road_segments",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_PriorityClass",
                schema: "routing",
                table: "road_segments",
                column: "PriorityClass");

            migrationBuilder.CreateIndex(
                name: "IX_route_plans_SnowEventId_Revision",
                schema: "routing",
                table: "route_plans",
                columns: new[] { "SnowEventId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                schema: "routing",
                table: "routes",
                columns: new[] { "SnowEventId", "Revision", "Vehicle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "road_segments",
                schema: "routing");

            migrationBuilder.DropTable(
                name: "route_plans",
                schema: "routing");

            migrationBuilder.DropTable(
                name: "routes",
                schema: "routing");
        }
    }
}

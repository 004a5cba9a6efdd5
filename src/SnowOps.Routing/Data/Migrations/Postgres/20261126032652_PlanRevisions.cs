using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                schema: "routing",
                table: "routes");

            migrationBuilder.AddColumn<string>(
                name: "BaseName",
                schema: "routing",
                table: "routes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "DeIcerKg",
                schema: "routing",
                table: "routes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "DeadheadMeters",
                schema: "routing",
                table: "routes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                schema: "routing",
                table: "routes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Seconds",
                schema: "routing",
                table: "routes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ServiceMeters",
                schema: "routing",
                table: "routes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Steps",
                schema: "routing",
                table: "routes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VehicleId",
                schema: "routing",
                table: "routes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VehicleKind",
                schema: "routing",
                table: "routes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

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

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                schema: "routing",
                table: "routes",
                columns: new[] { "SnowEventId", "Revision", "Vehicle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_route_plans_SnowEventId_Revision",
                schema: "routing",
                table: "route_plans",
                columns: new[] { "SnowEventId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "route_plans",
                schema: "routing");

            migrationBuilder.DropIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "BaseName",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "DeIcerKg",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "DeadheadMeters",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Revision",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Seconds",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "ServiceMeters",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Steps",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "VehicleId",
                schema: "routing",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "VehicleKind",
                schema: "routing",
                table: "routes");

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                schema: "routing",
                table: "routes",
                columns: new[] { "SnowEventId", "Vehicle" },
                unique: true);
        }
    }
}

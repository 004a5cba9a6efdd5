using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                table: "routes");

            migrationBuilder.AddColumn<string>(
                name: "BaseName",
                table: "routes",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "DeIcerKg",
                table: "routes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "DeadheadMeters",
                table: "routes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Seconds",
                table: "routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ServiceMeters",
                table: "routes",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Steps",
                table: "routes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VehicleId",
                table: "routes",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VehicleKind",
                table: "routes",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

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

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                table: "routes",
                columns: new[] { "SnowEventId", "Revision", "Vehicle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_route_plans_SnowEventId_Revision",
                table: "route_plans",
                columns: new[] { "SnowEventId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "route_plans");

            migrationBuilder.DropIndex(
                name: "IX_routes_SnowEventId_Revision_Vehicle",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "BaseName",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "DeIcerKg",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "DeadheadMeters",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Seconds",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "ServiceMeters",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "Steps",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "VehicleId",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "VehicleKind",
                table: "routes");

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                table: "routes",
                columns: new[] { "SnowEventId", "Vehicle" },
                unique: true);
        }
    }
}

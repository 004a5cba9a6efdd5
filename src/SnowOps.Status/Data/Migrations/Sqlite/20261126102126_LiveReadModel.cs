using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Status.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Due",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GeometryWkt",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "tasks",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "tasks",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PercentDone",
                table: "tasks",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PositionReported",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityClass",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Problems",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SegmentsDone",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "compound_readings",
                columns: table => new
                {
                    CompoundId = table.Column<string>(type: "TEXT", nullable: false),
                    ReadingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AverageCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Measured = table.Column<long>(type: "INTEGER", nullable: false),
                    BelowStandard = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compound_readings", x => x.CompoundId);
                });

            migrationBuilder.CreateTable(
                name: "heating_deficiencies",
                columns: table => new
                {
                    DeficiencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompoundId = table.Column<string>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", nullable: false),
                    ReadingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AverageCelsius = table.Column<double>(type: "REAL", nullable: false),
                    StandardCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Found = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_heating_deficiencies", x => x.DeficiencyId);
                });

            migrationBuilder.CreateTable(
                name: "route_plans",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_plans", x => x.SnowEventId);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RouteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    VehicleId = table.Column<string>(type: "TEXT", nullable: true),
                    PriorityClass = table.Column<string>(type: "TEXT", nullable: false),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: false),
                    GeometryWkt = table.Column<string>(type: "TEXT", nullable: false),
                    Streets = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => new { x.SnowEventId, x.RouteId });
                });

            migrationBuilder.CreateTable(
                name: "task_problems",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reported = table.Column<long>(type: "INTEGER", nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_problems", x => new { x.TaskId, x.Reported });
                });

            migrationBuilder.CreateIndex(
                name: "IX_heating_deficiencies_ReadingId",
                table: "heating_deficiencies",
                column: "ReadingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compound_readings");

            migrationBuilder.DropTable(
                name: "heating_deficiencies");

            migrationBuilder.DropTable(
                name: "route_plans");

            migrationBuilder.DropTable(
                name: "routes");

            migrationBuilder.DropTable(
                name: "task_problems");

            migrationBuilder.DropColumn(
                name: "Due",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "GeometryWkt",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PercentDone",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PositionReported",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PriorityClass",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Problems",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "SegmentsDone",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "tasks");
        }
    }
}

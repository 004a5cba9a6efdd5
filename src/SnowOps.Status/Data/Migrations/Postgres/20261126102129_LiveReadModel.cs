using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Status.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Due",
                schema: "status",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GeometryWkt",
                schema: "status",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                schema: "status",
                table: "tasks",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                schema: "status",
                table: "tasks",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PercentDone",
                schema: "status",
                table: "tasks",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PositionReported",
                schema: "status",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityClass",
                schema: "status",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Problems",
                schema: "status",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SegmentsDone",
                schema: "status",
                table: "tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                schema: "status",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "compound_readings",
                schema: "status",
                columns: table => new
                {
                    CompoundId = table.Column<string>(type: "text", nullable: false),
                    ReadingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AverageCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Measured = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BelowStandard = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compound_readings", x => x.CompoundId);
                });

            migrationBuilder.CreateTable(
                name: "heating_deficiencies",
                schema: "status",
                columns: table => new
                {
                    DeficiencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundId = table.Column<string>(type: "text", nullable: false),
                    CompanyId = table.Column<string>(type: "text", nullable: false),
                    ReadingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AverageCelsius = table.Column<double>(type: "double precision", nullable: false),
                    StandardCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Found = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_heating_deficiencies", x => x.DeficiencyId);
                });

            migrationBuilder.CreateTable(
                name: "route_plans",
                schema: "status",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_plans", x => x.SnowEventId);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                schema: "status",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    RouteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    VehicleId = table.Column<string>(type: "text", nullable: true),
                    PriorityClass = table.Column<string>(type: "text", nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    GeometryWkt = table.Column<string>(type: "text", nullable: false),
                    Streets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => new { x.SnowEventId, x.RouteId });
                });

            migrationBuilder.CreateTable(
                name: "task_problems",
                schema: "status",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reported = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CrewId = table.Column<string>(type: "text", nullable: false),
                    Problem = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_problems", x => new { x.TaskId, x.Reported });
                });

            migrationBuilder.CreateIndex(
                name: "IX_heating_deficiencies_ReadingId",
                schema: "status",
                table: "heating_deficiencies",
                column: "ReadingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compound_readings",
                schema: "status");

            migrationBuilder.DropTable(
                name: "heating_deficiencies",
                schema: "status");

            migrationBuilder.DropTable(
                name: "route_plans",
                schema: "status");

            migrationBuilder.DropTable(
                name: "routes",
                schema: "status");

            migrationBuilder.DropTable(
                name: "task_problems",
                schema: "status");

            migrationBuilder.DropColumn(
                name: "Due",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "GeometryWkt",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Latitude",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Longitude",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PercentDone",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PositionReported",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "PriorityClass",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Problems",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "SegmentsDone",
                schema: "status",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                schema: "status",
                table: "tasks");
        }
    }
}

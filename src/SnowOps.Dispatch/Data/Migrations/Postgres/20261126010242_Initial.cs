using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SnowOps.Dispatch.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dispatch");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "snow_events",
                schema: "dispatch",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CurrentState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    Hazard = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PlanName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Proposed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedBy = table.Column<string>(type: "text", nullable: true),
                    Activated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Closed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_snow_events", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CrewId = table.Column<string>(type: "text", nullable: true),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: true),
                    Assigned = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Accepted = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Started = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Completed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_AlertId",
                schema: "dispatch",
                table: "snow_events",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_CrewId_State",
                schema: "dispatch",
                table: "tasks",
                columns: new[] { "CrewId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_SnowEventId_SourceKey",
                schema: "dispatch",
                table: "tasks",
                columns: new[] { "SnowEventId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "snow_events",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "dispatch");
        }
    }
}

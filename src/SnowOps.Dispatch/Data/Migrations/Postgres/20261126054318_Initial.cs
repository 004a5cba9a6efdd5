using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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
                name: "crews",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kinds = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VehicleId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AlwaysOnDuty = table.Column<bool>(type: "boolean", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_versions",
                schema: "dispatch",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_versions", x => new { x.Name, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "shifts",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VehicleId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shifts", x => x.Id);
                });

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
                    PlanVersion = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Proposed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Activated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Onset = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClearStarted = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SnowfallEnded = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SnowfallEndedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Closed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_snow_events", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "target_warnings",
                schema: "dispatch",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Raised = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_target_warnings", x => new { x.SnowEventId, x.Target, x.Kind });
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
                    CrewId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VehicleId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PriorityClass = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: true),
                    Assigned = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Sent = table.Column<int>(type: "integer", nullable: false),
                    LastSent = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclinedBy = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Accepted = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Started = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Completed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Escalated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Cancelled = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PercentDone = table.Column<double>(type: "double precision", nullable: true),
                    SegmentsDone = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    LastReport = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timeline",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    What = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    By = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shifts_CrewId_Start",
                schema: "dispatch",
                table: "shifts",
                columns: new[] { "CrewId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_AlertId",
                schema: "dispatch",
                table: "snow_events",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_CurrentState",
                schema: "dispatch",
                table: "snow_events",
                column: "CurrentState");

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

            migrationBuilder.CreateIndex(
                name: "IX_tasks_State_LastSent",
                schema: "dispatch",
                table: "tasks",
                columns: new[] { "State", "LastSent" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_SnowEventId_Key",
                schema: "dispatch",
                table: "timeline",
                columns: new[] { "SnowEventId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crews",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "plan_versions",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "shifts",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "snow_events",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "target_warnings",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "timeline",
                schema: "dispatch");
        }
    }
}

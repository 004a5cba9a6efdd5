using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Dispatch.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VehicleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AlwaysOnDuty = table.Column<bool>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_versions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_versions", x => new { x.Name, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    VehicleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "snow_events",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Hazard = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlanName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlanVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Proposed = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Activated = table.Column<long>(type: "INTEGER", nullable: true),
                    Onset = table.Column<long>(type: "INTEGER", nullable: true),
                    Expires = table.Column<long>(type: "INTEGER", nullable: true),
                    ClearStarted = table.Column<long>(type: "INTEGER", nullable: true),
                    SnowfallEnded = table.Column<long>(type: "INTEGER", nullable: true),
                    SnowfallEndedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Closed = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_snow_events", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "target_warnings",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Raised = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_target_warnings", x => new { x.SnowEventId, x.Target, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VehicleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PriorityClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: true),
                    Assigned = table.Column<long>(type: "INTEGER", nullable: false),
                    Due = table.Column<long>(type: "INTEGER", nullable: true),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSent = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclinedBy = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: true),
                    Started = table.Column<long>(type: "INTEGER", nullable: true),
                    Completed = table.Column<long>(type: "INTEGER", nullable: true),
                    Escalated = table.Column<long>(type: "INTEGER", nullable: true),
                    Cancelled = table.Column<long>(type: "INTEGER", nullable: true),
                    PercentDone = table.Column<double>(type: "REAL", nullable: true),
                    SegmentsDone = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LastReport = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shifts_CrewId_Start",
                table: "shifts",
                columns: new[] { "CrewId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_AlertId",
                table: "snow_events",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_CurrentState",
                table: "snow_events",
                column: "CurrentState");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_CrewId_State",
                table: "tasks",
                columns: new[] { "CrewId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_SnowEventId_SourceKey",
                table: "tasks",
                columns: new[] { "SnowEventId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tasks_State_LastSent",
                table: "tasks",
                columns: new[] { "State", "LastSent" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_SnowEventId_Key",
                table: "timeline",
                columns: new[] { "SnowEventId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crews");

            migrationBuilder.DropTable(
                name: "plan_versions");

            migrationBuilder.DropTable(
                name: "shifts");

            migrationBuilder.DropTable(
                name: "snow_events");

            migrationBuilder.DropTable(
                name: "target_warnings");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "timeline");
        }
    }
}

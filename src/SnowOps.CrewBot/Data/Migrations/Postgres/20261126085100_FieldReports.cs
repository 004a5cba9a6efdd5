using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FieldReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GeometryWkt",
                schema: "crewbot",
                table: "task_cards",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingUntil",
                schema: "crewbot",
                table: "crew_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "route_progress",
                schema: "crewbot",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ends = table.Column<string>(type: "text", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    PositionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reported = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SegmentsReported = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_progress", x => x.TaskId);
                });

            migrationBuilder.CreateTable(
                name: "task_photos",
                schema: "crewbot",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Source = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    Received = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_photos", x => x.PhotoId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_photos_Source_TaskId_Purpose",
                schema: "crewbot",
                table: "task_photos",
                columns: new[] { "Source", "TaskId", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_photos_TaskId",
                schema: "crewbot",
                table: "task_photos",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "route_progress",
                schema: "crewbot");

            migrationBuilder.DropTable(
                name: "task_photos",
                schema: "crewbot");

            migrationBuilder.DropColumn(
                name: "GeometryWkt",
                schema: "crewbot",
                table: "task_cards");

            migrationBuilder.DropColumn(
                name: "AwaitingUntil",
                schema: "crewbot",
                table: "crew_members");
        }
    }
}

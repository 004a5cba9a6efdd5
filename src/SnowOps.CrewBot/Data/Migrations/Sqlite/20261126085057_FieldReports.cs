using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GeometryWkt",
                table: "task_cards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwaitingUntil",
                table: "crew_members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "route_progress",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ends = table.Column<string>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    PositionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reported = table.Column<long>(type: "INTEGER", nullable: true),
                    SegmentsReported = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_route_progress", x => x.TaskId);
                });

            migrationBuilder.CreateTable(
                name: "task_photos",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Received = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_photos", x => x.PhotoId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_photos_Source_TaskId_Purpose",
                table: "task_photos",
                columns: new[] { "Source", "TaskId", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_photos_TaskId",
                table: "task_photos",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "route_progress");

            migrationBuilder.DropTable(
                name: "task_photos");

            migrationBuilder.DropColumn(
                name: "GeometryWkt",
                table: "task_cards");

            migrationBuilder.DropColumn(
                name: "AwaitingUntil",
                table: "crew_members");
        }
    }
}

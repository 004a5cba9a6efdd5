using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Weather.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsInFull : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Addresses",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Codes",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "Effective",
                table: "alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Incidents",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Restriction",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Zones",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "feed_status",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    LastPollAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    NextPollDue = table.Column<long>(type: "INTEGER", nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    LastModified = table.Column<long>(type: "INTEGER", nullable: true),
                    AlertsAccepted = table.Column<long>(type: "INTEGER", nullable: false),
                    EntriesSkipped = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSkipped = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_status", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    Geocodes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zones", x => x.Code);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feed_status");

            migrationBuilder.DropTable(
                name: "zones");

            migrationBuilder.DropColumn(
                name: "Addresses",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Codes",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Effective",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Incidents",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Restriction",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Zones",
                table: "alerts");
        }
    }
}

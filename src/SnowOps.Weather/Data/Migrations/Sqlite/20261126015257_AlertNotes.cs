using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Weather.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "alerts");
        }
    }
}

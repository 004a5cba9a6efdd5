using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadingHome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Home",
                table: "readings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Home",
                table: "readings");
        }
    }
}

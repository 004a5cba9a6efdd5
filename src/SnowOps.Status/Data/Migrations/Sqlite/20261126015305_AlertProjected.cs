using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Status.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertProjected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Projected",
                table: "alerts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Projected",
                table: "alerts");
        }
    }
}

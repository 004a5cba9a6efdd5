using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Photos;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_reports_a_problem : BotSpec
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9];

    [Fact]
    public async Task Should_offer_a_problem_button_on_every_card_that_is_not_finished()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());

        Assert.Equal($"{TaskId:N}:p", SentTo(Samples.JohnsChat)[^1].ButtonData[^1]);
        Assert.Contains("Problem", SentTo(Samples.JohnsChat)[^1].Body["reply_markup"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_ask_what_is_wrong_and_report_the_next_text_as_the_problem()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Started, 10));

        await PressProblemAsync();
        Assert.Equal("Reply with the problem, in words or with a photo.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        var question = SentTo(Samples.JohnsChat)[^1];
        Assert.Equal("What is the problem with \"De-ice the Tonghui River bridges\"? Reply with text, or send a photo with a caption.", question.Text);
        Assert.True((bool?)question.Body["reply_markup"]?["force_reply"]);
        Assert.Empty(Published<TaskProblemReported>());

        await UpdateAsync(Samples.Text(NextUpdateId(), "  Brine pump frozen at the depot "));

        var problem = Assert.Single(Published<TaskProblemReported>());
        Assert.Equal((TaskId, Crew, "Brine pump frozen at the depot", (Guid?)null), (problem.TaskId, problem.CrewId, problem.Problem, problem.PhotoId));
        Assert.Contains("Problem sent", SentTo(Samples.JohnsChat)[^1].Text);
        Assert.Empty(Published<TaskCompleted>());

        await UpdateAsync(Samples.Text(NextUpdateId(), "and another thing"));
        Assert.Single(Published<TaskProblemReported>());
    }

    [Fact]
    public async Task Should_report_a_photo_with_its_caption_and_serve_the_largest_size_to_dispatchers_only()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        Bot.AddFile(FieldSamples.PhotoSizes[2], Jpeg, "AQAD6q4xG6fdAVd-");
        await PressProblemAsync();

        await UpdateAsync(FieldSamples.Photo(NextUpdateId(), "Ramp blocked by a truck"));

        var problem = Assert.Single(Published<TaskProblemReported>());
        Assert.Equal("Ramp blocked by a truck", problem.Problem);
        var photoId = Assert.NotNull(problem.PhotoId);
        Assert.Equal(FieldSamples.PhotoSizes[2], (string?)Bot.CallsOf("getFile").Single().Body["file_id"]);
        Assert.Single(Bot.Downloads);
        Assert.Contains("Problem and photo sent", SentTo(Samples.JohnsChat)[^1].Text);
        var kept = await CrewBot.QueryAsync(db => db.Photos.AsNoTracking().SingleAsync());
        Assert.Equal((photoId, TaskId, Crew, TaskPhoto.Problem, "image/jpeg", Jpeg.Length), (kept.PhotoId, kept.TaskId, kept.CrewId, kept.Purpose, kept.ContentType, kept.Size));

        await using var api = await PhotoApi.StartAsync(CrewBot);
        var answer = await api.As("dispatcher").GetAsync($"/api/crew/photos/{photoId}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/jpeg", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Jpeg, await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.As("admin").GetAsync($"/api/crew/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/crew/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As("crew").GetAsync($"/api/crew/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As("committee").GetAsync($"/api/crew/photos/{photoId}")).StatusCode);
        var unknown = await api.As("dispatcher").GetAsync($"/api/crew/photos/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (int?)(await unknown.Content.ReadFromJsonAsync<JsonObject>())?["status"]);
    }

    [Fact]
    public async Task Should_answer_why_when_the_problem_button_of_a_stale_card_is_pressed()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        var cardId = await CardMessageIdAsync();
        await CrewBot.DeliverAsync(Changed(TaskState.Cancelled, 20));

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Problem), cardId));

        Assert.Equal("This task is already cancelled.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        Assert.DoesNotContain(SentTo(Samples.JohnsChat), m => m.Text?.Contains("What is the problem") == true);
        Assert.Null((await MembersAsync()).Single().Awaiting);
    }

    [Fact]
    public async Task Should_not_report_a_problem_answered_after_the_task_went_to_another_crew()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());
        await PressProblemAsync();
        await CrewBot.DeliverAsync(Assigned(crew: "spreader-2"));

        await UpdateAsync(Samples.Text(NextUpdateId(), "Too late now"));

        Assert.Empty(Published<TaskProblemReported>());
        Assert.Equal("This task is now with another crew.", SentTo(Samples.JohnsChat)[^1].Text);
    }

    async Task PressProblemAsync() =>
        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Problem), await CardMessageIdAsync()));
}

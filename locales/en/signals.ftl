### NPS Oracle — English signal texts: the combinations of combinations.md (facts only;
### every sentence our own), the message, advice, caution and footer frames.

## Planet of the day × moon phase: 56 themes (Title Case, used as names) and one
## sentence each. Ids: sky-PLANET-PHASE, sky-PLANET-PHASE-text; PHASE 0 (New Moon) … 7
## (Waning Crescent).

sky-sun-0 = Hidden Potential
sky-sun-0-text = A day made for being seen falls in the darkest part of the month, so what you could show is still forming; name it to yourself first.
sky-sun-1 = Emerging Will
sky-sun-1-text = The Sun's confidence meets a thin, growing light, which favors stating one intention out loud and giving it a first visible step.
sky-sun-2 = Identity Tested
sky-sun-2-text = Half the Moon is lit and the Sun asks who you are, so a small test of your resolve on this day may show what you really stand for.
sky-sun-3 = Refining Purpose
sky-sun-3-text = With the light nearly full, the Sun's wish to shine works best as polish: adjust what you already show rather than starting something new.
sky-sun-4 = Radiant Revelation
sky-sun-4-text = The brightest Moon on the Sun's own day lights up everything at once, including what you have achieved and what you have avoided looking at.
sky-sun-5 = Generous Glow
sky-sun-5-text = As the light starts to shrink, the Sun's warmth turns outward: a good day to credit others and share what went well.
sky-sun-6 = Core Reckoning
sky-sun-6-text = The half-dark Moon on a Sun day invites an honest audit of your pride: keep what is truly yours and drop what is only show.
sky-sun-7 = Quiet Sovereignty
sky-sun-7-text = The last sliver of light on the Sun's day suggests a confidence that needs no audience, steady enough to rest without proving anything.

sky-moon-0 = Deep Reset
sky-moon-0-text = A Moon day under the New Moon doubles the pull inward, which makes it a natural moment to rest, sleep early and clear your emotional slate.
sky-moon-1 = Emotional Seedling
sky-moon-1-text = A new feeling or attachment may be starting small; the Moon's day under a growing crescent asks you to protect it before you explain it.
sky-moon-2 = Feeling the Friction
sky-moon-2-text = The half-lit Moon on its own day can bring mixed feelings to the surface, and naming them plainly may ease more than avoiding them.
sky-moon-3 = Emotional Refinement
sky-moon-3-text = With the light growing toward full, feelings become clearer, a good moment to adjust how you care for yourself and for those at home.
sky-moon-4 = Emotional Flood
sky-moon-4-text = A full Moon on the Moon's own day can make every feeling louder, so give strong reactions a night before you act on them.
sky-moon-5 = Grateful Heart
sky-moon-5-text = As the light softens, the Moon's day leans toward gratitude: thanking someone who looks after you may mean more than usual.
sky-moon-6 = Emotional Release
sky-moon-6-text = The waning half-moon on a Moon day favors letting an old hurt go, perhaps by writing it down and setting the page aside.
sky-moon-7 = Inner Sanctuary
sky-moon-7-text = The last thin light on the Moon's day asks for a protected corner of time, quiet and familiar, where nothing is expected of you.

sky-mars-0 = Coiled Spring
sky-mars-0-text = Mars brings drive while the New Moon holds things back, so energy gathers without an outlet; plan the move instead of forcing it.
sky-mars-1 = First Strike
sky-mars-1-text = Mars under a growing crescent favors the first decisive step on something new, taken early in the day while the push is fresh.
sky-mars-2 = Battle Decision
sky-mars-2-text = The half-lit Moon meets Mars at a point of choice: pick the one fight worth having and leave the smaller ones alone.
sky-mars-3 = Sharpening the Edge
sky-mars-3-text = As the light builds toward full, Mars's energy is best spent on practice and preparation, sharpening a skill before you use it.
sky-mars-4 = Warrior Illuminated
sky-mars-4-text = A full Moon on Mars's day makes courage visible, yours and others', and also shows where impatience has been running the show.
sky-mars-5 = Teaching Strength
sky-mars-5-text = With the light past its peak, Mars's strength turns generous: showing someone how to do a hard thing may be the best use of it.
sky-mars-6 = Laying Down Arms
sky-mars-6-text = The waning half-moon on Mars's day suggests ending a standoff you are tired of, even if nobody is declared the winner.
sky-mars-7 = Resting Warrior
sky-mars-7-text = Mars's drive meets the Moon's last light, so the strong move on this day may be recovery: stretch, sleep and let the body catch up.

sky-mercury-0 = Silent Mind
sky-mercury-0-text = Mercury's quick thinking under a dark New Moon works best in silence: listen, note ideas down, and hold the talking for later.
sky-mercury-1 = First Words
sky-mercury-1-text = A growing crescent on Mercury's day favors the first message of a new conversation, short and clear, sent rather than drafted again.
sky-mercury-2 = Debate Within
sky-mercury-2-text = The half-lit Moon can split Mercury's mind between two answers; writing both sides down may settle what thinking in circles cannot.
sky-mercury-3 = Crafting the Message
sky-mercury-3-text = As the light builds, Mercury favors editing: tighten the email, the plan or the pitch until it says one thing well.
sky-mercury-4 = Crystal Clarity
sky-mercury-4-text = A full Moon on Mercury's day can make a confused matter suddenly plain, a good time to ask the direct question you have been circling.
sky-mercury-5 = Sharing Knowledge
sky-mercury-5-text = With the light past full, Mercury turns to passing things on: explain what you have learned to someone who needs it.
sky-mercury-6 = Revising Thought
sky-mercury-6-text = The waning half-moon on Mercury's day invites you to change your mind about something, openly and without embarrassment.
sky-mercury-7 = Mental Rest
sky-mercury-7-text = Mercury's restless mind meets the Moon's last light, so fewer inputs, fewer screens and an unhurried walk may serve you best.

sky-jupiter-0 = Seeding Abundance
sky-jupiter-0-text = Jupiter's generosity under a New Moon suits quiet investments of time or money that will only show their worth much later.
sky-jupiter-1 = Growing Faith
sky-jupiter-1-text = A growing crescent on Jupiter's day favors trusting a hopeful plan enough to take its first small, concrete step.
sky-jupiter-2 = Expanding Through Challenge
sky-jupiter-2-text = The half-lit Moon puts an obstacle in Jupiter's wide road, and meeting it honestly may be what enlarges your view.
sky-jupiter-3 = Refining Abundance
sky-jupiter-3-text = As the light nears full, Jupiter's plenty needs shaping: choose which of your many good options deserves your best effort.
sky-jupiter-4 = Harvest of Wisdom
sky-jupiter-4-text = A full Moon on Jupiter's day is a moment to see what your experience has taught you and to say it where it can help.
sky-jupiter-5 = Philanthropic Flow
sky-jupiter-5-text = With the light past its peak, Jupiter's day leans toward giving: a gift, a recommendation or a door held open for someone.
sky-jupiter-6 = Philosophical Pruning
sky-jupiter-6-text = The waning half-moon on Jupiter's day suggests letting go of a belief or commitment that no longer grows anything for you.
sky-jupiter-7 = Quiet Gratitude
sky-jupiter-7-text = Jupiter's breadth meets the Moon's last light, so a private list of what has gone well may lift you more than any plan.

sky-venus-0 = Love Incubating
sky-venus-0-text = Venus's warmth under a New Moon suits feelings that are not ready to be spoken, kept gently while they find their shape.
sky-venus-1 = Beauty Budding
sky-venus-1-text = A growing crescent on Venus's day favors a small act of beauty or affection: a message, a flower, a room put in order.
sky-venus-2 = Values Tested
sky-venus-2-text = The half-lit Moon asks Venus what you truly value, and a choice between comfort and what matters may make the answer plain.
sky-venus-3 = Perfecting Harmony
sky-venus-3-text = As the light builds, Venus favors fine-tuning a relationship or a space, adjusting small things until they sit well together.
sky-venus-4 = Love Illuminated
sky-venus-4-text = A full Moon on Venus's day shows affection clearly, the kind you give and the kind you receive, so let yourself notice both.
sky-venus-5 = Graceful Generosity
sky-venus-5-text = With the light past full, Venus's day suits giving with ease: a compliment meant, a favor done without keeping score.
sky-venus-6 = Releasing Attachment
sky-venus-6-text = The waning half-moon on Venus's day invites you to loosen your grip on someone or something you have been holding too tightly.
sky-venus-7 = Self-Love Retreat
sky-venus-7-text = Venus meets the Moon's last light, so the tenderness of the day may be best spent on yourself: rest, beauty and no obligations.

sky-saturn-0 = Foundation in Darkness
sky-saturn-0-text = Saturn's discipline under a New Moon suits unseen groundwork, the plain task nobody will notice yet that holds everything later.
sky-saturn-1 = Early Commitment
sky-saturn-1-text = A growing crescent on Saturn's day favors committing to a routine while it is still small enough to keep every day.
sky-saturn-2 = Test of Resolve
sky-saturn-2-text = The half-lit Moon on Saturn's day can put your patience to the test; keeping a promise when it is inconvenient is the point.
sky-saturn-3 = Mastering the Details
sky-saturn-3-text = As the light builds, Saturn rewards close attention: check the figures, read the small print, finish the part others skip.
sky-saturn-4 = Earned Authority
sky-saturn-4-text = A full Moon on Saturn's day may show the results of long, steady effort, and with them a responsibility you have earned.
sky-saturn-5 = Elder Wisdom
sky-saturn-5-text = With the light past full, Saturn's day favors advice from experience, given or received, about doing things properly.
sky-saturn-6 = Structural Release
sky-saturn-6-text = The waning half-moon on Saturn's day suits dismantling a rule or schedule that has become a cage rather than a support.
sky-saturn-7 = Final Lesson
sky-saturn-7-text = Saturn meets the Moon's last light, so before a cycle closes, one lesson may be worth writing down so you need not repeat it.

## Life path × personal year: 81 themes and one sentence each. Ids: cycle-LP-PY and
## cycle-LP-PY-text (a master life path uses the row of its base: 11 → 2, 22 → 4, 33 → 6).

cycle-1-1 = Double Ignition
cycle-1-1-text = A born starter in a year of starting has twice the push, so the year may reward one bold beginning more than several half-hearted ones.
cycle-1-2 = Leader Listens
cycle-1-2-text = Your independent path meets a year of patience and partners, which suggests leading this year by listening first and deciding second.
cycle-1-3 = Creative Spark
cycle-1-3-text = Your drive to lead meets a year of expression, a fine time to put your own ideas into words, images or a project people can see.
cycle-1-4 = Building the Vision
cycle-1-4-text = Your urge to move fast meets a year of foundations, asking your ambitions to take the form of routines, budgets and plain hard work.
cycle-1-5 = Pioneer Unleashed
cycle-1-5-text = A year of change gives your independent path room to run, so new places, skills or directions may open faster than usual.
cycle-1-6 = Leader as Guardian
cycle-1-6-text = Your self-directed path meets a year of responsibility for others, where leading may mean looking after a home or a team.
cycle-1-7 = Solitary Strategy
cycle-1-7-text = Your drive meets a reflective year, well used for thinking through your direction alone before you commit to the next push.
cycle-1-8 = Power Surge
cycle-1-8-text = A year of power meets a path of initiative, which may bring chances for authority, career moves and decisions with real weight.
cycle-1-9 = Pioneer's Completion
cycle-1-9-text = Your path of beginnings meets a year of endings, asking you to finish what you started before the next cycle opens.

cycle-2-1 = Diplomat Steps Forward
cycle-2-1-text = Your cooperative path meets a year of beginnings, inviting you to take a step in your own name instead of waiting to be asked.
cycle-2-2 = Double Harmony
cycle-2-2-text = A path of partnership in a year of partnership makes closeness easy, though your own wishes may need a deliberate voice.
cycle-2-3 = Harmony Expressed
cycle-2-3-text = Your gift for understanding others meets a year of expression, a good season to say warmly what you usually only sense.
cycle-2-4 = Patient Foundation
cycle-2-4-text = Your patience meets a year of building, so slow, careful work on a shared project may become something others can rely on.
cycle-2-5 = Gentle Adventurer
cycle-2-5-text = Your wish for steadiness meets a year of change, which may ask you to try new things while keeping your closest ties close.
cycle-2-6 = Heart of Home
cycle-2-6-text = Your caring path meets a year centered on home and love, so relationships you tend this year may deepen noticeably.
cycle-2-7 = Intuitive Depths
cycle-2-7-text = Your sensitivity meets a year of introspection, well suited to trusting quiet impressions and giving them time to become clear.
cycle-2-8 = Cooperative Power
cycle-2-8-text = Your talent for working with others meets a year of power, suggesting that influence this year comes through alliances, not solo pushes.
cycle-2-9 = Releasing Bonds
cycle-2-9-text = Your attachment to people meets a year of completion, asking you to let some connections change shape or end with grace.

cycle-3-1 = Creative Launch
cycle-3-1-text = Your gift for making meets a year of beginnings, a strong moment to launch the creative work you have been rehearsing in your head.
cycle-3-2 = Collaborative Art
cycle-3-2-text = Your expressive path meets a year of partnership, so making something together may be more satisfying than making it alone.
cycle-3-3 = Triple Expression
cycle-3-3-text = A path of expression in a year of expression brings plenty of ideas and company; choosing a few to finish keeps the year from scattering.
cycle-3-4 = Disciplined Creativity
cycle-3-4-text = Your playful path meets a year of routine, asking your ideas to accept a schedule so they can become real work.
cycle-3-5 = Joyful Exploration
cycle-3-5-text = Your expressive path meets a year of change, a lively season for travel, new material and stories worth telling later.
cycle-3-6 = Creative Nurturing
cycle-3-6-text = Your creativity meets a year of care, so making things for or with the people you love may feel especially meaningful.
cycle-3-7 = Artist in Solitude
cycle-3-7-text = Your social gifts meet a quiet year, well used for deeper work made alone, away from applause, at your own pace.
cycle-3-8 = Creative Empire
cycle-3-8-text = Your talent for expression meets a year of power, which may turn a creative skill into income, recognition or a real business.
cycle-3-9 = Final Performance
cycle-3-9-text = Your expressive path meets a year of endings, a time to finish and show a body of work before starting the next one.

cycle-4-1 = New Blueprint
cycle-4-1-text = Your steady path meets a year of beginnings, a good time to draw up a fresh plan and lay its very first bricks.
cycle-4-2 = Building Together
cycle-4-2-text = Your reliability meets a year of partnership, so shared work, carefully organized, may prove more solid than going alone.
cycle-4-3 = Playful Structure
cycle-4-3-text = Your love of order meets a year of expression, inviting some play into your routines and a little color into your plans.
cycle-4-4 = Double Foundation
cycle-4-4-text = A building path in a building year makes this a season for long-term groundwork, with rest scheduled as seriously as work.
cycle-4-5 = Flexible Framework
cycle-4-5-text = Your need for structure meets a year of change, asking for plans sturdy enough to hold and loose enough to bend.
cycle-4-6 = Home Builder
cycle-4-6-text = Your practical path meets a year of home and family, a natural time to repair, arrange or secure the place you live.
cycle-4-7 = Inner Architecture
cycle-4-7-text = Your methodical mind meets a reflective year, well used for studying a subject thoroughly or reorganizing how you think.
cycle-4-8 = Material Mastery
cycle-4-8-text = Your patient effort meets a year of power, so structures built over years may this year show tangible returns.
cycle-4-9 = Demolition and Design
cycle-4-9-text = Your building path meets a year of endings, suggesting you take down what no longer works so the next design has room.

cycle-5-1 = Adventure Begins
cycle-5-1-text = Your love of freedom meets a year of beginnings, the fastest-moving pair in the cycle, when a new direction can take off quickly.
cycle-5-2 = Explorer Settles In
cycle-5-2-text = Your restless path meets a year of patience and partnership, which may teach the pleasures of staying and deepening.
cycle-5-3 = Storyteller's Journey
cycle-5-3-text = Your appetite for experience meets a year of expression, a good season to turn what you have lived into words or images.
cycle-5-4 = Freedom Meets Form
cycle-5-4-text = Your need to move meets a year of structure, and commitments that feel confining may turn out to be a launch pad.
cycle-5-5 = Maximum Velocity
cycle-5-5-text = A path of change in a year of change can bring a great deal of movement, so choose a few anchors before the year chooses for you.
cycle-5-6 = Rooted Wanderer
cycle-5-6-text = Your wandering path meets a year of home and care, asking you to find freedom inside your commitments rather than away from them.
cycle-5-7 = Inner Expedition
cycle-5-7-text = Your love of new ground meets a quiet year, when the most interesting journey may be an inward one through study or reflection.
cycle-5-8 = Freedom and Fortune
cycle-5-8-text = Your adaptability meets a year of power, which may open opportunities in business or career for those willing to move.
cycle-5-9 = Freedom Through Release
cycle-5-9-text = Your need for room meets a year of endings, so letting go of what holds you back may be the freedom this year offers.

cycle-6-1 = Guardian's New Chapter
cycle-6-1-text = Your caring path meets a year of beginnings, which asks you to start something for yourself and not only for others.
cycle-6-2 = Deepening Devotion
cycle-6-2-text = Your path of love meets a year of partnership, a season in which a close bond can grow quieter, deeper and more mutual.
cycle-6-3 = Joyful Service
cycle-6-3-text = Your care for others meets a year of expression, so helping may take lighter, more playful and more creative forms.
cycle-6-4 = Strengthening the Nest
cycle-6-4-text = Your devotion to home meets a year of foundations, a good time to secure the practical base your family stands on.
cycle-6-5 = Guardian Unchained
cycle-6-5-text = Your sense of duty meets a year of change, which may loosen old obligations and let you go somewhere for yourself.
cycle-6-6 = Double Devotion
cycle-6-6-text = A caring path in a caring year can fill every hour with others' needs, so guard some of your care for yourself.
cycle-6-7 = Sacred Service
cycle-6-7-text = Your wish to look after people meets a reflective year, inviting you to ask what kind of care truly matters to you.
cycle-6-8 = Abundant Caretaker
cycle-6-8-text = Your generosity meets a year of power, when resources you earn may let you take care of people on a larger scale.
cycle-6-9 = Completing the Circle
cycle-6-9-text = Your path of love meets a year of completion, when caring may mean releasing someone to their own path.

cycle-7-1 = Seeker's Fresh Start
cycle-7-1-text = Your thoughtful path meets a year of beginnings, a good time to begin a new study or a long-postponed line of inquiry.
cycle-7-2 = Wisdom in Partnership
cycle-7-2-text = Your inward path meets a year of partnership, where sharing your thinking with one trusted person may deepen it.
cycle-7-3 = Inner Wisdom Expressed
cycle-7-3-text = Your quiet knowledge meets a year of expression, so what you have understood alone may finally find its voice.
cycle-7-4 = Systematic Discovery
cycle-7-4-text = Your curiosity meets a year of method, well used for patient, organized research that builds real expertise.
cycle-7-5 = Nomadic Philosopher
cycle-7-5-text = Your reflective path meets a year of change, when travel or new surroundings may feed your thinking in unexpected ways.
cycle-7-6 = Wisdom Serves Love
cycle-7-6-text = Your understanding meets a year of care, inviting you to use what you know in service of the people close to you.
cycle-7-7 = Double Depth
cycle-7-7-text = An inward path in an inward year brings deep focus, though the people who love you may need reminding that you are still there.
cycle-7-8 = Monetized Insight
cycle-7-8-text = Your depth of thought meets a year of ambition, when expertise may turn into income if you are willing to step forward.
cycle-7-9 = Philosopher's Completion
cycle-7-9-text = Your search for meaning meets a year of endings, a time to conclude a chapter of learning and say what it taught you.

cycle-8-1 = Empire Begins
cycle-8-1-text = Your capacity for leadership meets a year of beginnings, a strong moment to launch a venture or take on a new role.
cycle-8-2 = Strategic Alliance
cycle-8-2-text = Your drive meets a year of partnership, so agreements and alliances may achieve more this year than force would.
cycle-8-3 = Charismatic Authority
cycle-8-3-text = Your competence meets a year of expression, when presenting your work warmly may win more than results alone.
cycle-8-4 = Fortified Empire
cycle-8-4-text = Your ambition meets a year of foundations, well used for strengthening systems, finances and the people you depend on.
cycle-8-5 = Dynamic Power
cycle-8-5-text = Your drive meets a year of change, when flexibility may be the most useful form of strength you have.
cycle-8-6 = Benevolent Authority
cycle-8-6-text = Your capability meets a year of responsibility, suggesting you use your position to protect and support others.
cycle-8-7 = Strategic Retreat
cycle-8-7-text = Your forward path meets a quiet year, a sensible moment to step back, review and choose your next aims carefully.
cycle-8-8 = Maximum Authority
cycle-8-8-text = A path of power in a year of power can bring real influence, best balanced by rest, fairness and a life beyond work.
cycle-8-9 = Legacy Completion
cycle-8-9-text = Your achievements meet a year of endings, a time to hand over, wrap up and decide what you want to be remembered for.

cycle-9-1 = Sage's New Dawn
cycle-9-1-text = Your wide-hearted path meets a year of beginnings, which asks an old ending to give way to a genuinely new start.
cycle-9-2 = Compassionate Connection
cycle-9-2-text = Your compassion meets a year of partnership, when one close relationship may hold more meaning than many wide ones.
cycle-9-3 = Universal Voice
cycle-9-3-text = Your broad view meets a year of expression, a good season to write, teach or speak about what you care about.
cycle-9-4 = Wisdom Made Practical
cycle-9-4-text = Your ideals meet a year of structure, asking you to turn good intentions into plans with dates and steps.
cycle-9-5 = Sage's Wandering
cycle-9-5-text = Your generous path meets a year of change, when travel or new people may widen your sense of what is possible.
cycle-9-6 = Healing Presence
cycle-9-6-text = Your compassion meets a year of care, so simply being there for others may be the most valuable thing you do.
cycle-9-7 = Ultimate Contemplation
cycle-9-7-text = Your search for meaning meets a reflective year, well suited to solitude, study and questions you need not answer quickly.
cycle-9-8 = Humanitarian Power
cycle-9-8-text = Your care for the world meets a year of power, which may give your ideals the resources to reach further.
cycle-9-9 = Grand Completion
cycle-9-9-text = A path of completion in a year of completion marks the deepest ending of the cycle, a time to finish, forgive and clear the ground.

## The ten pairs of strongest support: what to do with it (advice)

cycle-support-1-5 = Say yes to one real change of direction this year, and let your independence carry it.
cycle-support-2-6 = Give your closest relationship regular, unhurried time; it is the year's best investment.
cycle-support-3-1 = Pick one creative project and give it a public start date.
cycle-support-3-5 = Take your creative work somewhere new: a new medium, audience or place.
cycle-support-4-8 = Ask for the recognition or return your steady work has earned.
cycle-support-5-1 = Begin the new venture while the year's momentum is with you.
cycle-support-6-9 = Let someone you have cared for go forward without you, and say so kindly.
cycle-support-7-3 = Publish, teach or share one thing you have come to understand.
cycle-support-8-1 = Launch the project that needs your leadership, with a clear first milestone.
cycle-support-9-9 = Close old accounts, practical and emotional, so the next cycle starts light.

## The ten pairs of tension: the conflict (caution) and the way through (advice)

cycle-tension-1-4 = Your independence may chafe against the year's demand for discipline and routine.
cycle-way-1-4 = Build a structure of your own design rather than resisting the one you are given.
cycle-tension-1-6 = Your own aims and other people's needs may pull against each other all year.
cycle-way-1-6 = Lead the family or team, rather than only serving it.
cycle-tension-2-5 = Your wish for stability may meet changes you did not choose.
cycle-way-2-5 = Adapt your partnerships to the changes rather than holding them still.
cycle-tension-3-4 = Your creative freedom may feel squeezed by practical duties.
cycle-way-3-4 = Bring your creativity into the structure: make the routine itself more inventive.
cycle-tension-4-5 = Your need for structure may be shaken by a restless year.
cycle-way-4-5 = Build flexible structures: plans with room for detours.
cycle-tension-5-4 = Your love of freedom may resent the year's call for structure.
cycle-way-5-4 = Treat the structure as a launch pad, not a cage.
cycle-tension-6-1 = Caring for others may leave little room for your own new start.
cycle-way-6-1 = Remember that self-care is not selfish: give your own beginning real time.
cycle-tension-7-8 = Your need for reflection may clash with the year's push for ambition.
cycle-way-7-8 = Bring depth to material pursuits: choose ambitions that also mean something to you.
cycle-tension-8-7 = Your drive for power may meet a year that asks for solitude.
cycle-way-8-7 = Review your authority quietly before extending it.
cycle-tension-9-1 = An ending may still be unfinished while a new beginning demands attention.
cycle-way-9-1 = Finish the ending first: it makes room for the beginning.

## Master life paths (11, 22, 33): their theme and note in every year, and in the
## years singled out. $py is the personal year.

master-11 = Heightened Intuition
master-11-text = As a master 11, your intuition runs strong in every year; in personal year { $py }, first impressions may deserve trust.
master-11-year-2-text = As a master 11 in a personal year 2, your intuition is at its peak this year, so quiet impressions deserve to be written down and tested.
master-11-year-8-text = As a master 11 in a personal year 8, insight and ambition may pull apart, and the year asks you to let insight steer the ambition.
master-22 = Visionary Building
master-22-text = As a master 22, you bring a builder's vision to every year; in personal year { $py }, think in structures that outlast you.
master-22-year-4-text = As a master 22 in a personal year 4, this is a year of great construction, when large plans can finally be laid down stone by stone.
master-22-year-5-text = As a master 22 in a personal year 5, change may force adaptability on your big plans, and bending them may save them.
master-33 = Compassion Channeled
master-33-text = As a master 33, compassion runs through every year; in personal year { $py }, it may find a new way to teach by example.
master-33-year-6-text = As a master 33 in a personal year 6, this is the year of deepest service, asking for care that includes caring for yourself.
master-33-year-1-text = As a master 33 in a personal year 1, you may be asked to lead rather than serve, which can feel unfamiliar but is the year's invitation.

## Personal year keywords (combinations.md §7): the keyword, what the year is good for
## (advice) and what to beware of (caution).

year-keyword-1 = beginning
year-keyword-2 = patience
year-keyword-3 = expression
year-keyword-4 = foundation
year-keyword-5 = change
year-keyword-6 = responsibility
year-keyword-7 = introspection
year-keyword-8 = power
year-keyword-9 = completion
year-good-1 = Use the year to launch, to assert what you want and to redefine yourself where you have outgrown an old role.
year-good-2 = Use the year for relationships, careful details and listening to your intuition.
year-good-3 = Use the year for creative work, good company and things that bring you joy.
year-good-4 = Use the year for routines, your health and clear agreements with others.
year-good-5 = Use the year for travel, a well-judged risk or a new skill.
year-good-6 = Use the year for your home, the people you love and service that matters to you.
year-good-7 = Use the year for solitude, study and a steady inner practice.
year-good-8 = Use the year for your career, your finances and stepping into leadership.
year-good-9 = Use the year to finish things, to give generously and to complete creative work.
year-beware-1 = Beware of clinging to the old cycle or waiting for a perfect moment that never comes.
year-beware-2 = Beware of forcing outcomes or leaning on others more than is good for you.
year-beware-3 = Beware of scattering your energy, of gossip and of spending more than you meant to.
year-beware-4 = Beware of shortcuts, of rigidity and of overwork.
year-beware-5 = Beware of excess and of abandoning things on an impulse.
year-beware-6 = Beware of martyrdom, of trying to control others and of neglecting yourself.
year-beware-7 = Beware of isolating yourself or sliding into cynicism.
year-beware-8 = Beware of greed, of overwork and of neglecting your inner life.
year-beware-9 = Beware of starting anew too soon, of clinging and of bitterness about what is ending.

## Where a signal comes from: short phrases naming its figures.

source-sky = a { $planet } day under the { $phase }
source-cycle = life path { $lp } in personal year { $py }
source-master = master life path { $number }
source-life-path = life path { $number }
source-year = personal year { $number }
source-pair-day = your { $birth } year meeting the { $other } day
source-pair-hour = your { $birth } year meeting the { $other } hour
source-opposition = { $first } against { $second }
source-personal-day = personal day { $number }
source-question = your question's number { $number }
source-mother = your mother's name number { $number }
source-polarity = your { $label } polarity
source-pattern-animal = the { $animal }, { $count } times
source-pattern-number = the number { $number }, { $count } times

## Animal pairs (combinations.md §3): the day's or the hour's animal meeting the
## animal of the birth year.

pair-theme-harmony = Harmony
pair-theme-clash = Clash
pair-theme-resonance = Resonance
pair-theme-neutral = Quiet Alliance
pair-day-harmony = The { $other } of the day is a traditional ally of your { $birth } year, so the day's tone may feel familiar and cooperative.
pair-day-clash = The { $other } of the day stands opposite your { $birth } year on the wheel, which may make the day's rhythm feel out of step with yours.
pair-day-resonance = The day belongs to the { $other }, the animal of your own birth year, so its mood may echo your habits, good and difficult alike.
pair-day-neutral = The { $other } of the day sits in a quiet alliance with your { $birth } year, neither pushing nor pulling, open to what you bring.
pair-hour-harmony = The hour's { $other } is an ally of your { $birth } year, a small tailwind for whatever you do in these two hours.
pair-hour-clash = The hour's { $other } stands opposite your { $birth } year, so these two hours may ask for patience with friction.
pair-hour-resonance = The hour's { $other } repeats your birth year's animal, so these two hours may feel especially like your own.
pair-hour-neutral = The hour's { $other } is in a quiet alliance with your { $birth } year, a calm frame for steady work.
advice-pair-harmony = Lean on the { $other }'s cooperation: ask for the help or the meeting you have been putting off.
advice-pair-clash = Where the { $other }'s pace differs from yours, slow down and say plainly what you need.
advice-pair-resonance = Watch your own habits in the { $other }'s mirror, and keep the ones that serve you.
advice-pair-neutral = Use the { $other }'s calm for work that needs no luck, only steady attention.
caution-pair-clash = The clash of your { $birth } year with the { $other } may make small disagreements feel larger than they are.

## Elements that stand opposite (combinations.md §4), and how two elements meet.
## $first and $second are role phrases ("the Fire of your birth year").

role-birth-year = the { $element } of your birth year
role-day = the { $element } of the day
role-heartbeat = the { $element } of your heartbeat
role-location = the { $element } of your place
theme-opposition-fire-water = Fire and Water
theme-opposition-metal-wood = Metal and Wood
opposition-fire-water = { $first } and { $second } stand opposite each other, warmth against depth, so feelings and impulses may pull two ways.
opposition-metal-wood = { $first } and { $second } stand opposite each other, firm limits against the urge to grow, so plans may feel both pushed and pruned.
opposition-fire-water-again = { $first } and { $second } stand opposite each other too, the same pull between warmth and depth.
opposition-metal-wood-again = { $first } and { $second } stand opposite each other too, the same pull between firm limits and growth.
advice-opposition-fire-water = Let warmth and calm take turns: act on enthusiasm in the morning and review it, coolly, in the evening.
advice-opposition-metal-wood = Give each growing plan one firm limit, a date or a budget, so both sides have their say.
caution-opposition-fire-water = Fire against Water may turn quick enthusiasm into quick discouragement; give moods time to settle.
caution-opposition-metal-wood = Metal against Wood may make you cut back what should grow, or let grow what should be cut back.
theme-link-same = Same Element
theme-link-feeds = Generating Cycle
theme-link-checks = Controlling Cycle
link-same = { $first } and { $second } are the same element, so the day's quality may feel natural to you.
link-feeds = { $first } feeds { $second } in the generating cycle, a flow of support from one to the other.
link-checks = { $first } restrains { $second } in the controlling cycle, a check that can become useful discipline.

## The personal day: the person's own number of this very day.

personal-day-1 = Your personal day is a 1, the day of your own cycle for starting something and acting on your own judgment.
personal-day-2 = Your personal day is a 2, a day in your own cycle for cooperation, patience and paying attention to small signals.
personal-day-3 = Your personal day is a 3, a day in your own cycle for conversation, play and sharing what you have made.
personal-day-4 = Your personal day is a 4, a day in your own cycle for order, errands and the unglamorous tasks that keep things running.
personal-day-5 = Your personal day is a 5, a day in your own cycle for variety, a change of scene or an unplanned turn.
personal-day-6 = Your personal day is a 6, a day in your own cycle for home, family and the people who count on you.
personal-day-7 = Your personal day is a 7, a day in your own cycle for quiet, study and thinking before acting.
personal-day-8 = Your personal day is an 8, a day in your own cycle for decisions, money matters and taking charge.
personal-day-9 = Your personal day is a 9, a day in your own cycle for finishing, tidying up and letting something go.
advice-activity = Consider giving the day to this: { $activity }.

## The mother's name beside the life path.

theme-mother-echo = Inherited Echo
theme-mother-triad = Family Resemblance
theme-mother-contrast = Inherited Contrast
mother-echo = Your mother's name number, { $number }, is the same as your life path, so its theme of { $essence } may feel like something you grew up breathing.
mother-triad = Your mother's name number, { $number }, belongs to the same family of numbers as your life path { $lp }, a background that tends to support your direction.
mother-contrast = Your mother's name number, { $number }, differs in kind from your life path { $lp }; its theme of { $essence } may be a counterweight you learned early.
advice-mother = Notice one habit you share with the family you grew up in, and decide whether to keep it.

## Polarity (from the gender) beside the day's polarity.

theme-polarity-same = Matching Polarity
theme-polarity-other = Complementary Polarity
theme-polarity-balanced = Balanced Polarity
polarity-meets-same = Your { $label } polarity matches the { $day } stem of the day, which may make the day's pace feel easy to follow.
polarity-meets-other = Your { $label } polarity meets the day's { $day } stem, a complement that can balance your usual way of moving.
polarity-meets-balanced = Your polarity is balanced, so the day's { $day } stem sets the tone without pulling you off center.

## Repeated figures

theme-pattern-animal = The Returning { $animal }
theme-pattern-number = The Repeated { $number }
advice-pattern-animal = Take the { $animal }'s repeated presence as a hint: give its quality a deliberate place in your day.

## Advice from the planet of the day

advice-planet-sun = Do one thing on this day where you can be seen doing it, and let it be good enough.
advice-planet-moon = Keep the pace gentle and make one part of the day about home or rest.
advice-planet-mars = Put your energy into one physical or difficult task and finish it before noon if you can.
advice-planet-mercury = Send the message, make the call or write the note you have been postponing.
advice-planet-jupiter = Think one size bigger about a plan, then write down its first practical step.
advice-planet-venus = Mend or tend one relationship, or make one corner of your surroundings more beautiful.
advice-planet-saturn = Keep one promise to yourself on this day, however small, exactly as you made it.

## Caution from the planet of the day: the pitfall its quality can slide into

caution-planet-sun = A day made for being seen can tip into needing applause; let the work matter more than the notice it gets.
caution-planet-moon = Feelings may run louder than usual; give a strong reaction a night before you act on it.
caution-planet-mars = Drive can turn into haste or sharp words; wait a moment before the reply you might regret.
caution-planet-mercury = A quick mind may promise more than the day can hold; check the details before you send anything.
caution-planet-jupiter = Optimism can overreach; say yes to one generous plan rather than to every one.
caution-planet-venus = The wish for harmony may smooth over something that needs saying; kindness and honesty can share a sentence.
caution-planet-saturn = Discipline may harden into self-criticism; judge the effort, not only the result.

## The message: a lead naming the strongest threads, their sentences, and a closing
## that weighs their paces. $theme is a Title Case theme, $source a phrase of figures.

message-thread = { $theme } ({ $source })
message-lead-1 = The strongest thread in this reading is { $first }.
message-lead-2 = Two threads lead this reading: { $first } and { $second }.
message-lead-3 = Three threads lead this reading: { $first }, { $second } and { $third }.
message-close-forward = Together they lean toward action: let { $theme } shape your first step.
message-close-forward-tension = They lean toward action but pull against each other, so take { $theme } in small, deliberate steps.
message-close-steady = Together they favor a steady pace: give { $theme } patient, regular attention.
message-close-steady-tension = They favor a steady pace and hold a tension: treat { $theme } as something to balance, not to settle at once.
message-close-inward = Together they lean inward: give { $theme } quiet time before you act on it.
message-close-inward-tension = They lean inward and hold a tension: let { $theme } settle before you decide anything.
message-close-split = They disagree about pace, one urging movement and one rest: act on { $theme } and let the rest wait.
message-close-split-tension = They disagree about pace and hold a tension: choose one step on { $theme } and leave the rest open.

## Advice and caution items: $source names the figures, $item is a full sentence.

advice-item = From { $source }: { $item }
caution-item = From { $source }: { $item }

## A signal in its own section: its theme, then its sentence.

signal-line = { $theme }: { $text }

## Footer: what the reading rests on and what more inputs would add.

footer-basis = This reading's confidence is { $score } out of 100 ({ $level }); it rests on { $inputs }.
footer-basis-plain = This reading rests on { $inputs }.
footer-basis-brief = This reading's confidence is { $score } out of 100 ({ $level }); it rests on { $inputs } alone, and { $missing } would each add a signal of their own.
footer-basis-plain-brief = This reading rests on { $inputs } alone, and { $missing } would each add a signal of their own.
footer-missing = Adding { $additions } would make it more specific.
footer-complete = Every input was given, so each dimension of the reading speaks from your own figures.
footer-note = It reads patterns in numbers and cycles as suggestions for reflection, never as predictions.
input-name = your name
input-birth = your birth date
input-mother = your mother's name
input-gender = your gender
input-location = your location
input-heartbeat = your heart rate
input-time = the time of day
input-adds-mother = your mother's name (a background number beside your life path)
input-adds-gender = your gender (your polarity beside the day's)
input-adds-location = your location (the element of your place)
input-adds-heartbeat = your heart rate (the element of your own rhythm)
input-adds-time = a time of day (the animal of the hour)

## A series read as a phrase: "a, b and c". $head is already joined with commas.

list-and = { $head } and { $last }
list-or = { $head } or { $last }

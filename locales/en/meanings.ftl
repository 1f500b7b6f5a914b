### NPS Oracle — English meanings, advice and cautions.
### None of these messages take arguments. Master numbers 11, 22 and 33 are
### written as intensified versions of 2, 4 and 6.

## Number essences: short lower-case phrases, used inside other sentences

number-0 = stillness and an open space where nothing has been counted yet
number-1 = beginnings, initiative and standing on your own feet
number-2 = partnership, tact and quiet cooperation
number-3 = expression, playfulness and creative spark
number-4 = structure, patience and steady work
number-5 = change, freedom and curious movement
number-6 = care, responsibility and a warm home
number-7 = reflection, study and inner searching
number-8 = ambition, authority and practical power
number-9 = compassion, completion and wide horizons
number-11 = partnership raised to intuition and inspiration
number-22 = patient building on a scale larger than one life
number-33 = devoted care that teaches by example

## Life path: the long road and what a person tends to grow into

life-path-1 = This path tends to grow toward independence: learning to trust your own judgment and to take the first step when others hesitate. Over time, you may find you lead best by example.
life-path-2 = This path often matures into the role of a bridge-builder, someone who notices what others need and helps them meet halfway. Its long lesson is to value your own voice as much as your listening.
life-path-3 = Along this road, many people grow into storytellers, makers and hosts who bring lightness into a room. It asks you to give your creativity a steady outlet instead of scattering it.
life-path-4 = This path builds its meaning brick by brick, through craft, routine and promises kept. Over the years it invites you to become a foundation others can lean on, while leaving room to rest.
life-path-5 = This is a road of movement and variety, where lived experience is the main teacher. Its long work is finding a kind of freedom that can sit comfortably beside commitment.
life-path-6 = People on this path often grow into the ones who hold a family, team or neighborhood together. The deeper invitation is to care generously without carrying everyone's load alone.
life-path-7 = This path turns inward, toward study, deep knowledge and questions without quick answers. Over time it may shape you into a thoughtful specialist whose calm comes from understanding.
life-path-8 = This path tends to grow into capable stewardship of people, projects and resources. Its long lesson is that real authority rests on fairness and on knowing when enough is enough.
life-path-9 = This path often widens its circle with the years, moving from personal concerns toward care for people in general. It invites you to finish what needs finishing and to let go gracefully.
life-path-11 = This path carries the sensitivity of 2 at a higher volume: strong intuition and a wish to inspire. Its long road is learning to ground those flashes of insight in ordinary daily life.
life-path-22 = This path takes the builder's patience of 4 and points it at plans large enough to outlast one person. It invites you to dream in blueprints, then do the slow, plain work that makes them real.
life-path-33 = This path deepens the caring nature of 6 into a calling to teach, mentor and comfort by example. Its challenge is to serve from a full cup, counting kindness to yourself as part of the work.

## Expression: how talents and gifts show outwardly

expression-1 = Your gifts show up as initiative: you tend to get things moving, propose the plan and take the first risk. Original ideas and a direct style are your natural tools.
expression-2 = Your talents come through in diplomacy, careful listening and an eye for details others overlook. Groups often work better simply because you are in them.
expression-3 = You express yourself through words, humor, color and performance, and people tend to remember how you told something. Writing, speaking and any craft with flair suit you.
expression-4 = Your abilities show in organization, reliability and the patience to finish what you start. Systems, schedules and well-made things are where your skill becomes visible.
expression-5 = Your gifts show through adaptability, quick thinking and a talent for persuasion. You tend to shine wherever there is travel, variety or an audience to win over.
expression-6 = Your talents show in nurturing, mentoring and making spaces feel welcoming and beautiful. People often bring you their troubles because you handle them with care.
expression-7 = Your abilities come out through analysis, research and a precise, quiet intelligence. You tend to do your best work when you are given time to go deep.
expression-8 = Your gifts show in management, planning and a confident handling of large responsibilities. You have a knack for seeing how effort can be turned into results.
expression-9 = Your talents appear as generosity, broad understanding and an artistic or humanitarian streak. You tend to express yourself best when your work serves something beyond you.
expression-11 = Your expression carries the tact of 2, amplified into a capacity to inspire and to sense what has not yet been said. Teaching, art and counsel can let that sensitivity reach others.
expression-22 = Your expression takes the steadiness of 4 to a larger scale: gathering people and resources around an ambitious, practical vision. Your gifts show most clearly in things built to last.
expression-33 = Your expression lifts the warmth of 6 into a gift for guiding and encouraging others through your own example. Creative work and caring work both let it shine.

## Soul urge: what the heart privately wants

soul-urge-1 = Privately, you long to be your own person and to walk a path you chose yourself. Being trusted to decide may matter to you more than you let on.
soul-urge-2 = Deep down, you want closeness, peace and a partnership in which you feel truly met. Harmony around you is something your heart keeps quietly tending.
soul-urge-3 = Your heart wants joy, self-expression and the freedom to play with ideas. Being heard and appreciated for your creativity feeds you.
soul-urge-4 = Inwardly, you crave order, security and the feeling of solid ground under your feet. A well-kept plan can be a genuine source of comfort for you.
soul-urge-5 = What your heart wants most is room to move, explore and taste new experiences. Feeling fenced in may unsettle you more than others realize.
soul-urge-6 = Your deepest wish is to love and be loved within a home or circle that feels safe. Being needed by the people you care about quietly warms you.
soul-urge-7 = Privately, you long for understanding: time alone, good questions and truths you can test for yourself. Quiet is not emptiness to you but nourishment.
soul-urge-8 = Your heart wants to achieve, to be capable and to see your efforts recognized. Independence and a sense of mastery matter to you on the inside.
soul-urge-9 = Deep down, you want your life to mean something for others, too. A sense of contributing to a larger good quietly keeps you going.
soul-urge-11 = Like 2, your heart wants connection, turned toward something higher: insight, meaning and a sense of inner guidance. You may feel most alive when you can share that light.
soul-urge-22 = Like 4, you long for security, enlarged into a desire to build something lasting that helps many people. Small goals may not fully satisfy you.
soul-urge-33 = Like 6, your heart wants to care, deepened into a quiet longing to ease and uplift the people around you. Giving feels most right to you when it is wholehearted.

## Personality: the first impression one gives

personality-1 = At first meeting, you tend to come across as confident, direct and self-starting. People may see you as someone who already knows where they are headed.
personality-2 = Others often first see you as gentle, approachable and easy to talk to. Your calm presence can put people at ease quickly.
personality-3 = You usually make a lively first impression: friendly, expressive and quick to smile. People may remember your stories and your sense of style.
personality-4 = People tend to read you as steady, practical and trustworthy from the start. You give the impression of someone who arrives on time and keeps their word.
personality-5 = You often come across as energetic, curious and pleasantly unpredictable. People may sense that a conversation with you could go anywhere.
personality-6 = First impressions of you tend to be warm and reassuring, as if you are ready to help. Others may see you as responsible and kind before they know you well.
personality-7 = You may first appear reserved, observant and thoughtful, with more going on than you say. People often sense a certain depth in you before they get to know you.
personality-8 = You tend to project competence and strength, and others may assume you are in charge. A composed, capable manner is often the first thing people notice.
personality-9 = People often meet you first as open-hearted, tolerant and worldly. You can give the impression of someone who understands more than they judge.
personality-11 = People may sense the gentleness of 2 in you, with an extra charge: sensitive, a little otherworldly and quietly inspiring. Some feel understood by you before you have said much.
personality-22 = Your first impression carries the reliability of 4 on a larger scale: grounded, purposeful and quietly formidable. People may sense you are working on something big.
personality-33 = People may sense the warmth of 6 in you, turned up further: deeply kind, patient and protective. Others may feel safe opening up to you.

## Personal year: the theme of the current year of the cycle

personal-year-1 = This year opens a new nine-year cycle, a good moment to plant seeds and start something in your own name. Intentions set now can give shape to the years that follow.
personal-year-2 = This year invites patience, partnership and growth that happens beneath the surface. It is a good time to cooperate, listen and let things ripen at their own pace.
personal-year-3 = This year favors expression, friendship and creative play. You may find it a good season to share your work and widen your social circle.
personal-year-4 = This year invites steady effort: organizing, laying foundations and tending to details. Consistent work done now tends to support whatever comes next.
personal-year-5 = This year carries a theme of change and movement, inviting you to loosen old routines. It can be a good time to try something new while keeping your balance.
personal-year-6 = This year turns attention toward home, family and your responsibilities to others. It invites care, commitment and making your surroundings more harmonious.
personal-year-7 = This is a reflective year, well suited to study, rest and inner questions. You may find that slowing down brings the clarity you have been looking for.
personal-year-8 = This year highlights ambition, effort and handling resources with care. It is a good moment to take stock of your goals and step into responsibility.
personal-year-9 = This year closes the cycle, inviting you to finish, forgive and clear space. Letting go of what no longer fits can make room for the next beginning.
personal-year-11 = This year carries the patience of a 2 year, charged with heightened intuition and inspiration. It invites you to trust quiet insights and to share them gently.
personal-year-22 = This year takes the building theme of a 4 year to a larger scale. It can be a good time to lay the groundwork for a long-term plan, with care and realism.
personal-year-33 = This year deepens the caring theme of a 6 year into a call to serve and guide. It invites generosity toward others, balanced by kindness toward yourself.

## Advice: one concrete, gentle suggestion per key number

advice-1 = Choose one thing you have been waiting for permission to do, and take its first small step on this day.
advice-2 = Ask someone close to you how they are really doing, and give the answer your full attention.
advice-3 = Write, sketch or say out loud the idea you keep turning over, even if only for yourself.
advice-4 = Pick one unfinished task and break it into three concrete steps you can put on your calendar.
advice-5 = Take a different route, try an unfamiliar dish or talk to someone new; small changes keep you awake.
advice-6 = Do one kind thing for someone else, then do one for yourself with the same care.
advice-7 = Set aside a quiet half hour without screens to think, read or walk with no agenda.
advice-8 = Look honestly at one goal: what it asks of you, and how much you are willing to give it.
advice-9 = Clear out one object, commitment or old grudge that you have outgrown.
advice-11 = Write down the hunches that come to you this week, then check later which ones held up.
advice-22 = Sketch your big plan on a single page, then choose the one practical step that moves it forward this month.
advice-33 = Offer your help where it is truly wanted, and let someone help you in return.

## Cautions: a habit to watch for each key number

caution-1 = Watch for the habit of going it alone when asking for help would be quicker and kinder.
caution-2 = Be careful not to swallow your own opinion just to keep the peace.
caution-3 = Notice when excitement about new ideas pulls you away from the ones you have already started.
caution-4 = Take care that a love of routine does not harden into resistance to every change.
caution-5 = Be mindful of a restlessness that drops commitments the moment they turn dull.
caution-6 = Be careful not to take on other people's problems as if they were yours to solve.
caution-7 = Watch for retreating so far into your thoughts that the people close to you feel shut out.
caution-8 = Notice when the drive for results starts crowding out rest and the people around you.
caution-9 = Be mindful of giving so much to others and to causes that your own needs go unspoken.
caution-11 = Watch for nervous tension when your sensitivity picks up more than you can absorb; simple grounding routines help.
caution-22 = Take care that high standards for the grand plan do not make ordinary progress feel like failure.
caution-33 = Watch for self-sacrifice that leaves you drained; care that ignores your own limits is hard to sustain.

## Activities: lower-case phrases suggesting what suits a day of each number

activity-1 = begin something you have so far only been planning
activity-2 = reach out to someone and really listen
activity-3 = make something playful and share it
activity-4 = put one corner of your home or work in order
activity-5 = step outside your usual routine for an hour
activity-6 = cook, mend or tend something for the people you live with
activity-7 = read, reflect or take a slow walk alone
activity-8 = review your plans and decide on your priorities
activity-9 = finish something and let go of one thing you no longer need
activity-11 = jot down the hunches and images that come to you
activity-22 = outline a large project and take its first practical step
activity-33 = offer your time or skill to someone who could use it

## Animal traits: what each animal stands for

animal-ra-trait = The Rat stands for resourcefulness and quick wits, the knack of spotting an opening before anyone else. It invites cleverness used with generosity.
animal-ox-trait = The Ox stands for patience, endurance and work done thoroughly. Its steady pace invites trust in slow, reliable progress.
animal-ti-trait = The Tiger stands for courage and bold energy, the urge to protect and to leap. It invites brave action, tempered by a moment's thought.
animal-ru-trait = The Rabbit stands for gentleness, tact and a refined sense of comfort. It invites diplomacy and attention to what makes a place peaceful.
animal-dr-trait = The Dragon stands for vitality, ambition and a larger-than-life presence. It invites big vision, paired with the humility to hear others out.
animal-sn-trait = The Snake stands for wisdom, discretion and a keen sense of what lies beneath the surface. It invites careful thought before each move.
animal-ho-trait = The Horse stands for freedom, enthusiasm and forward motion. It invites you to follow your energy while keeping an eye on the road.
animal-go-trait = The Goat stands for artistry, kindness and a gentle heart. It invites creativity and calm surroundings where sensitive things can grow.
animal-mo-trait = The Monkey stands for ingenuity, playfulness and quick problem-solving. It invites inventive fixes and a light touch with serious matters.
animal-ro-trait = The Rooster stands for diligence, candor and an eye for precise detail. It invites honest words and well-kept standards.
animal-do-trait = The Dog stands for loyalty, honesty and a strong sense of fairness. It invites you to stand by the people and principles you trust.
animal-pi-trait = The Pig stands for generosity, warmth and delight in life's simple pleasures. It invites open-handed kindness and time to savor what is good.

## Element traits: the quality of each element

element-wu-trait = Wood carries the energy of growth, flexible yet persistent like a young branch reaching for light. It favors planning, learning and new projects.
element-fi-trait = Fire carries warmth, passion and visibility. It favors enthusiasm, expression and bringing people together, as long as it is tended.
element-er-trait = Earth carries stability, nourishment and the steady center that holds things together. It favors patience, practical care and promises kept.
element-mt-trait = Metal carries clarity, precision and firm boundaries. It favors clear decisions, refinement and letting go of what is unnecessary.
element-wa-trait = Water carries depth, adaptability and quiet persistence. It favors listening, reflection and finding a way around obstacles rather than through them.

## Planet traits: the quality a ruling planet lends its day

planet-sun-trait = The Sun lends the day warmth and visibility, a good moment to show your work and act with confidence.
planet-moon-trait = The Moon lends the day sensitivity and a pull toward home, feelings and memory, so a gentle pace suits it.
planet-mars-trait = Mars lends the day drive and directness, well suited to physical effort and tasks that take courage.
planet-mercury-trait = Mercury lends the day a quick mind, well suited to messages, errands, learning and negotiation.
planet-jupiter-trait = Jupiter lends the day breadth and optimism, a good moment for teaching, planning big and being generous.
planet-venus-trait = Venus lends the day grace and affection, well suited to beauty, art, friendship and mending ties.
planet-saturn-trait = Saturn lends the day seriousness and structure, well suited to discipline, long-term work and honest limits.

## Moon phase traits: what each phase invites

moon-phase-0-trait = This dark beginning invites quiet intention-setting, a good moment to name what you want to start.
moon-phase-1-trait = This thin, growing light invites first small steps, nurturing a fresh idea while it is still fragile.
moon-phase-2-trait = This half-lit moment invites decisive action and pushing through the first obstacles in your way.
moon-phase-3-trait = As the light nears fullness, this phase invites refinement: adjusting, polishing and preparing.
moon-phase-4-trait = This brightest phase invites you to see clearly and celebrate what has come to light, while feelings may run a little stronger.
moon-phase-5-trait = As the light begins to shrink, this phase invites gratitude and sharing what you have learned.
moon-phase-6-trait = This second half-lit moment invites review and release, deciding what to keep and what to set down.
moon-phase-7-trait = This last sliver of light invites rest and reflection, a quiet pause before the next cycle begins.

## Time band traits: what each part of the day suits

time-band-night-trait = The night hours suit rest, dreams and the kind of reflection that daylight tends to crowd out.
time-band-dawn-trait = The early hours suit fresh intentions, a quiet routine and the first clear thoughts of the day.
time-band-morning-trait = The morning suits focused work, important conversations and tasks that need a clear head.
time-band-noon-trait = Midday suits a pause to eat, regroup and check whether the morning's plans still fit.
time-band-afternoon-trait = The afternoon suits steady follow-through, errands, meetings and practical finishing work.
time-band-evening-trait = The evening suits connection, winding down and looking back on what the day has taught you.

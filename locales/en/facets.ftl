### NPS Oracle — English facets of the core numbers: how each number shows at work,
### with the people close to you, inwardly, and on the other side of its strengths.
### The strongest thread of the moment chooses the facet (the reading's lens), so a
### standard or deep reading reads the same numbers from another side on another day.

## The lens: the facet named as a noun phrase, and the sentence that announces it.
## $theme and $source are those of the signal that chose it.

facet-work = your work and effort
facet-bonds = your relationships
facet-inner = your inner life
facet-shadow = the other side of your strengths
core-lens = The strongest thread of the moment, { $theme } ({ $source }), turns your core numbers toward { $facet }.

## A core number read through the lens. $position is a position-* word, $text a
## facet-N-FACET text (it continues the sentence, so it starts in lower case).

position-life-path = life path
position-expression = expression number
position-soul-urge = soul urge number
position-personality = personality number
core-facet-work = Your { $position } is { $number } ({ $essence }); at work, { $text }
core-facet-bonds = Your { $position } is { $number } ({ $essence }); with the people close to you, { $text }
core-facet-inner = Your { $position } is { $number } ({ $essence }); inwardly, { $text }
core-facet-shadow = Your { $position } is { $number } ({ $essence }); on the other side of its strengths, { $text }

## The facets of each number: facet-N-work, facet-N-bonds, facet-N-inner,
## facet-N-shadow (N = 1–9, 11, 22, 33). Each continues its frame above.

facet-1-work = you tend to do best when you own a task from start to finish. Proposing the plan yourself, rather than waiting for one, is often where your value shows.
facet-1-bonds = you bring energy and direction, and sometimes decide for two. Asking what the other person wants before you act can make your lead feel like an invitation.
facet-1-inner = you are steadied by choices that are truly your own. A small decision made without asking anyone's approval may restore you more than rest.
facet-1-shadow = independence can slide into impatience or a habit of going it alone. Letting someone help with one thing is not a loss of footing.

facet-2-work = you often make a team work by noticing what others miss and smoothing the joins. Your care with details is a skill worth naming, not only a kindness.
facet-2-bonds = you listen closely and sense moods before they are spoken. Saying your own wish as clearly as you hear others' keeps the closeness two-sided.
facet-2-inner = you are fed by calm, gentle company and a peaceful room. Quiet time to sort your own feelings from those you absorbed from others may help.
facet-2-shadow = tact can turn into keeping the peace at your own expense. A small, honest disagreement may protect a bond better than silence.

facet-3-work = you shine where ideas have to be explained, shown or made attractive. Finishing one piece and putting it in front of people tends to do more than starting three.
facet-3-bonds = you bring lightness, stories and warmth into a room. Listening as generously as you entertain may let people show you their serious side too.
facet-3-inner = you are renewed by play, making things and laughter with no purpose. A notebook for the ideas you never share can be a private source of joy.
facet-3-shadow = a quick spark can scatter into many beginnings, or hide worry behind a joke. Choosing one thing to finish, and saying one true feeling plainly, may help.

facet-4-work = you are the one who makes plans real, step by step and on time. Showing your method to others may earn you the trust, and the room, you deserve.
facet-4-bonds = you show love through reliability: promises kept, things fixed, being there. Saying the warm words out loud as well lets others feel what your actions mean.
facet-4-inner = you find peace in order, routine and a plan you can follow. A tidy corner or a fixed hour of rest may steady you more than a change of scene.
facet-4-shadow = steadiness can harden into rigidity or overwork. Leaving one thing imperfect, or one evening unplanned, may show you that the structure holds without your grip.

facet-5-work = you thrive where things change fast and no two days are alike. Learning a new skill or pitching a fresh idea tends to bring out your best.
facet-5-bonds = you bring curiosity and a sense of adventure. Saying plainly when you need space helps them see it as your rhythm, not a retreat.
facet-5-inner = you are refreshed by movement, new places and experiences that surprise you. Even a walk down an unfamiliar street can settle a restless mind.
facet-5-shadow = love of freedom can become restlessness or dropping things halfway. Keeping one commitment you chose yourself may give your freedom a shape.

facet-6-work = you tend to make the place kinder and become the one others turn to. Your sense of responsibility is a real strength when it has clear limits.
facet-6-bonds = you care deeply, remember what people need and make them feel at home. Letting others care for you in return keeps the giving balanced.
facet-6-inner = you are steadied by a harmonious home and beauty close at hand. Looking after your own comfort as carefully as others' is part of the work.
facet-6-shadow = care can tip into worry, control or carrying everyone's load. Asking whether someone wants your help before you give it may spare you both.

facet-7-work = you do best with a hard problem and time to go deep. Asking for depth rather than speed, where you can, lets your precision show.
facet-7-bonds = you may need room to think before you open up. Saying so plainly helps the people around you read your silences as reflection rather than distance.
facet-7-inner = you are fed by questions, reading and unhurried quiet. Solitude with no purpose at all may restore you more than a crowded kind of rest.
facet-7-shadow = depth can turn into withdrawal, or into a doubt that trusts nothing unchecked. Sharing one unfinished thought with someone you trust may loosen it.

facet-8-work = you see how effort becomes results and are ready to carry responsibility. Decisions with clear aims and fair terms are where your authority shows best.
facet-8-bonds = you often show love as protection and practical help. Letting people see your softer side may matter to them more than any problem you solve.
facet-8-inner = you are steadied by a sense of mastery and by goals that mean something. Asking what "enough" looks like can turn ambition into contentment.
facet-8-shadow = drive can crowd out rest, or turn every exchange into a negotiation. Measuring one day by its kindness instead of its results may rebalance it.

facet-9-work = you do well when what you do serves something beyond yourself. Finishing projects and passing on what you know are where your breadth is felt.
facet-9-bonds = you accept people as they are and see the larger picture of their lives. Giving one person your full attention can mean more than kindness spread wide.
facet-9-inner = you are moved by meaning, art and a sense of the whole. Letting go of one old regret may free more room inside than any new plan.
facet-9-shadow = wide compassion can leave your own needs unspoken, or turn endings bitter. Naming what you need, and closing a chapter gently, may lighten both.

facet-11-work = you bring intuition and inspiration, like 2 at a higher volume. Writing your hunches down and testing them turns flashes of insight into work others can use.
facet-11-bonds = you sense what others feel, often before they do. Protecting your own calm, not only theirs, keeps that sensitivity a gift rather than a strain.
facet-11-inner = you live with vivid impressions and a wish for meaning. Grounding routines such as sleep, walking and simple tasks give those flashes somewhere to land.
facet-11-shadow = heightened sensitivity can become nervous tension or very high expectations of yourself. Treating an ordinary day as enough is part of this number's lesson.

facet-22-work = you can take the patience of 4 to plans that outlast one person. Breaking a large vision into its next plain step is where your gift becomes visible.
facet-22-bonds = you may gather people around a shared project and give them a solid base. Making time for them outside the project keeps the bonds personal.
facet-22-inner = you are steadied by knowing your work adds up to something lasting. Looking back at what you have already built can ease the pressure of what remains.
facet-22-shadow = a vast vision can make every present step feel too small, or leave you carrying all of it. Sharing the load and celebrating modest progress keeps the plan alive.

facet-33-work = you teach and guide through your own example, like 6 with a wider reach. Mentoring someone, even informally, may be the work that suits you best.
facet-33-bonds = you offer a deep, patient kindness that lets others feel safe. Receiving care as openly as you give it keeps that kindness from running dry.
facet-33-inner = you are nourished by giving that comes from a full heart. Quiet time to refill, counted as part of your service, keeps your care wholehearted.
facet-33-shadow = devotion can become self-sacrifice or a wish to rescue everyone. Serving from a full cup, and letting some people find their own way, is part of the calling.

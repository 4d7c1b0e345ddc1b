/**
 * Everyday subject areas that people give standing instructions about, each pinned to a few WordNet senses
 * (`lemma.pos.N`, N = the sense's rank in WordNet 3.1's index, most frequent first). The build script spreads
 * every area over WordNet (hyponyms, derivations, topic links, definitions), so these anchors only name the
 * centre of an area; the thousands of words that belong to it come from WordNet, not from this list.
 *
 * The list is general knowledge about what people ask assistants for, written without reference to any
 * evaluation data. Areas overlap on purpose (a concert is both music and an event).
 */
export interface DomainDef {
  id: string;
  /** Plain words shown to the user in "why" texts. */
  label: string;
  /** A broader area this one belongs to: its words count there too, a little less. */
  parent?: string;
  anchors: string[];
  /** Everyday words and phrases that name the area directly but whose WordNet senses miss it ("things to do"). */
  words?: string[];
}

export const DOMAINS: DomainDef[] = [
  { id: 'food', label: 'food and dining', anchors: ['food.n.1', 'food.n.2', 'meal.n.1', 'meal.n.2', 'eat.v.1', 'eat.v.2', 'dine.v.1', 'restaurant.n.1', 'cafe.n.1', 'cuisine.n.1', 'dish.n.2', 'beverage.n.1', 'chef.n.1', 'waiter.n.1', 'menu.n.1', 'hungry.a.1', 'snack.n.1'], words: ['takeout', 'takeaway', 'brunch', 'bite to eat', 'eat out', 'eatery', 'diner'] },
  { id: 'cooking', parent: 'food', label: 'cooking', anchors: ['cook.v.1', 'cook.v.3', 'cooking.n.1', 'recipe.n.1', 'bake.v.1', 'ingredient.n.3', 'kitchen.n.1', 'cookware.n.1', 'kitchen_utensil.n.1', 'oven.n.1'] },
  { id: 'travel', label: 'travel', anchors: ['travel.n.1', 'journey.v.1', 'trip.n.1', 'journey.n.1', 'vacation.n.1', 'vacation.v.1', 'tourism.n.1', 'tourist.n.1', 'sightseeing.n.1', 'excursion.n.1', 'itinerary.n.3', 'passport.n.2', 'luggage.n.1', 'destination.n.1', 'attraction.n.2', 'honeymoon.n.1', 'traveler.n.1', 'visit.v.2'], words: ['sightseeing', 'things to see', 'getaway', 'day trip', 'landmark', 'attractions'] },
  { id: 'lodging', parent: 'travel', label: 'places to stay', anchors: ['hotel.n.1', 'lodging.n.1', 'accommodation.n.4', 'inn.n.1', 'motel.n.1', 'resort.n.1', 'hostel.n.1', 'lodge.v.1', 'stay.n.1', 'stay.v.3', 'guesthouse.n.1', 'cabin.n.2', 'hotel_room.n.1'], words: ['place to stay', 'place to sleep', 'airbnb', 'vacation rental', 'room for the night'] },
  { id: 'flights', parent: 'travel', label: 'flights', anchors: ['flight.n.2', 'air_travel.n.1', 'airplane.n.1', 'airport.n.1', 'airline.n.2', 'fly.v.1', 'aircraft.n.1', 'airliner.n.1', 'boarding_card.n.1', 'land.v.1'], words: ['red-eye', 'layover', 'nonstop', 'one-way', 'round trip', 'economy class', 'business class'] },
  { id: 'cars', label: 'cars and driving', anchors: ['car.n.1', 'motor_vehicle.n.1', 'drive.v.1', 'driver.n.1', 'rental.n.2', 'rent.v.3', 'parking.n.1', 'gasoline.n.1', 'highway.n.1'] },
  { id: 'transit', parent: 'travel', label: 'buses, trains and rides', anchors: ['bus.n.1', 'train.n.1', 'railway.n.1', 'subway.n.1', 'taxi.n.1', 'taxi.v.2', 'public_transport.n.1', 'bus_station.n.1', 'railway_station.n.1', 'fare.n.2', 'commute.v.2', 'ride.v.2', 'passenger.n.1', 'ferry.n.1'], words: ['metro', 'uber', 'lyft', 'rideshare', 'coach'] },
  { id: 'money', label: 'money and banking', anchors: ['money.n.1', 'money.n.2', 'money.n.3', 'bank.n.2', 'account.n.3', 'payment.n.1', 'payment.n.2', 'pay.v.1', 'finance.n.1', 'savings.n.1', 'credit.n.2', 'loan.n.1', 'deposit.n.4', 'cash.n.1', 'currency.n.1', 'debt.n.1', 'banking.n.1', 'fee.n.1', 'budget.n.1', 'tax.n.1', 'transfer.n.6', 'balance.n.2'], words: ['balance', 'checking', 'atm', 'wire transfer', 'overdraft', 'bank account'] },
  { id: 'investing', parent: 'money', label: 'investing', anchors: ['investment.n.1', 'investment.n.2', 'invest.v.1', 'stock.n.1', 'share.n.2', 'bond.n.2', 'portfolio.n.3', 'stock_market.n.1', 'fund.n.1', 'dividend.n.1', 'broker.n.1', 'mutual_fund.n.1'] },
  { id: 'shopping', label: 'shopping', anchors: ['shop.n.1', 'shop.v.1', 'shopping.n.1', 'buy.v.1', 'purchase.n.1', 'purchase.n.2', 'price.n.2', 'merchandise.n.1', 'retailer.n.1', 'sale.n.1', 'consumer_goods.n.1', 'discount.n.1'], words: ['order', 'shipping', 'checkout', 'deal', 'cart'] },
  { id: 'health', label: 'health and medicine', anchors: ['doctor.n.1', 'medicine.n.1', 'medicine.n.2', 'medicine.n.3', 'illness.n.1', 'disease.n.1', 'symptom.n.1', 'hospital.n.1', 'hospital.n.2', 'health.n.1', 'patient.n.1', 'clinic.n.1', 'medical_care.n.1', 'pain.n.1', 'injury.n.1', 'drug.n.1', 'nurse.n.1', 'medical_practitioner.n.1', 'ill_health.n.1', 'checkup.n.1', 'therapy.n.1', 'ache.n.1', 'fever.n.1'], words: ['gp', 'general practitioner', 'unwell', 'sick', 'checkup', 'prescription'] },
  { id: 'dental', parent: 'health', label: 'teeth and dentists', anchors: ['dentist.n.1', 'dentistry.n.1', 'tooth.n.1', 'dentition.n.1', 'dental.a.1', 'dental.a.2', 'tooth_decay.n.1', 'molar.n.1', 'gum.n.2'], words: ['dental', 'cavity', 'filling', 'braces'] },
  { id: 'beauty', label: 'hair and beauty', anchors: ['salon.n.2', 'hairdresser.n.1', 'haircut.n.1', 'haircut.n.2', 'hair.n.1', 'hairdo.n.1', 'barber.n.2', 'beautician.n.1', 'cosmetic.n.1', 'manicure.n.1', 'makeup.n.1', 'beauty_treatment.n.1', 'spa.n.3'], words: ['stylist', 'barbershop', 'hair salon', 'nails', 'blowout'] },
  { id: 'fitness', label: 'fitness and exercise', anchors: ['exercise.n.1', 'exercise.v.4', 'gym.n.1', 'fitness.n.2', 'weightlift.n.1', 'jog.v.3', 'running.n.2', 'yoga.n.1', 'aerobics.n.1', 'calisthenics.n.1', 'muscle.n.1'] },
  { id: 'sports', label: 'sports', anchors: ['sport.n.1', 'sport.n.2', 'game.n.2', 'athlete.n.1', 'team.n.1', 'league.n.1', 'ball_game.n.1', 'contest.n.1', 'tournament.n.1', 'stadium.n.1', 'coach.n.1'], words: ['match', 'game tickets', 'playoffs'] },
  { id: 'music', label: 'music', anchors: ['music.n.1', 'music.n.4', 'song.n.1', 'musician.n.1', 'musician.n.2', 'album.n.1', 'singer.n.1', 'sing.v.1', 'musical_instrument.n.1', 'musical_group.n.1', 'concert.n.1', 'musical_composition.n.1', 'melody.n.1', 'genre.n.3', 'playlist.n.1', 'radio.n.1'] },
  { id: 'film', label: 'films', anchors: ['movie.n.1', 'film.n.2', 'cinema.n.2', 'actor.n.1', 'film_maker.n.1', 'film_director.n.1', 'screenplay.n.1', 'theater.n.1', 'filming.n.1'] },
  { id: 'media', label: 'TV, video and media', anchors: ['television.n.1', 'television.n.3', 'mass_medium.n.1', 'broadcast.n.1', 'video.n.1', 'video.n.2', 'episode.n.3', 'serial.n.1', 'program.n.3', 'movie.n.1'], words: ['streaming', 'stream', 'tv show', 'series', 'binge', 'watch online'] },
  // Not entertainment.n.1, show.n.3 or spectator.n.1: below and around them sit every film, TV programme and
  // verb of watching, which have areas of their own, and "events" would swallow them.
  { id: 'events', label: 'events and entertainment', anchors: ['performance.n.1', 'performance.n.2', 'festival.n.2', 'concert.n.1', 'party.n.2', 'ticket.n.1', 'exhibition.n.2', 'play.n.1', 'play.n.2', 'circus.n.1', 'comedy.n.1', 'social_event.n.1', 'attraction.n.2', 'game.n.2', 'museum.n.1'], words: ['event', 'things to do', 'something to do', 'go out', 'night out', 'gig'] },
  { id: 'weather', label: 'weather', anchors: ['weather.n.1', 'atmospheric_phenomenon.n.1', 'precipitation.n.3', 'temperature.n.1', 'forecast.n.1', 'climate.n.1', 'storm.n.1', 'wind.n.1', 'sunshine.n.1', 'rain.v.1', 'snow.v.1', 'meteorology.n.1', 'humidity.n.1', 'cloud.n.2'] },
  { id: 'home', label: 'homes and housing', anchors: ['house.n.1', 'home.n.1', 'home.n.2', 'dwelling.n.1', 'apartment.n.1', 'real_estate.n.1', 'rent.n.1', 'mortgage.n.1', 'landlord.n.1', 'tenant.n.1', 'bedroom.n.1', 'housing.n.1', 'condominium.n.1', 'furniture.n.1', 'real_estate_agent.n.1', 'lease.n.1'], words: ['house hunting', 'for rent'] },
  { id: 'schedule', label: 'calendar and appointments', anchors: ['appointment.n.2', 'meeting.n.1', 'schedule.n.1', 'calendar.n.1', 'reminder.n.1', 'alarm.n.4', 'deadline.n.1', 'date.n.3'] },
  { id: 'messaging', label: 'email and messages', anchors: ['electronic_mail.n.1', 'message.n.1', 'letter.n.1', 'telephone.n.1', 'call.n.1', 'correspondence.n.1', 'e-mail.v.1', 'reply.n.1', 'mail.n.1'] },
  { id: 'work', label: 'work and career', anchors: ['job.n.1', 'occupation.n.1', 'employment.n.2', 'career.n.1', 'resume.n.2', 'interview.n.1', 'employer.n.1', 'employee.n.1', 'office.n.1', 'salary.n.1', 'colleague.n.1', 'boss.n.1'] },
  { id: 'programming', label: 'programming and software', anchors: ['computer_program.n.1', 'software.n.1', 'programming.n.2', 'program.v.2', 'code.n.3', 'computer.n.1', 'database.n.1', 'algorithm.n.1', 'debug.v.1', 'programming_language.n.1', 'bug.n.2', 'software_engineer.n.1', 'function.n.7', 'compiler.n.2', 'website.n.1'], words: ['code', 'coding', 'function', 'sql', 'query', 'bug', 'script', 'api', 'typescript', 'javascript', 'python', 'compile'] },
  { id: 'writing', label: 'writing', anchors: ['writing.n.1', 'writing.n.2', 'essay.n.1', 'write.v.1', 'write.v.2', 'article.n.1', 'document.n.1', 'edit.v.1', 'prose.n.1', 'paragraph.n.1', 'draft.n.5', 'author.n.1'] },
  { id: 'education', label: 'school and learning', anchors: ['education.n.1', 'school.n.1', 'school.n.2', 'student.n.1', 'teacher.n.1', 'course.n.1', 'learn.v.1', 'university.n.1', 'examination.n.2', 'homework.n.1', 'lesson.n.1', 'grade.n.1', 'pupil.n.1'] },
  { id: 'science', label: 'science and maths', anchors: ['science.n.1', 'mathematics.n.1', 'physics.n.1', 'chemistry.n.1', 'biology.n.1', 'astronomy.n.1', 'arithmetic.n.1', 'experiment.n.1', 'scientist.n.1', 'planet.n.1'] },
  { id: 'law', label: 'law and legal matters', anchors: ['law.n.1', 'law.n.2', 'lawyer.n.1', 'court.n.1', 'legal.a.1', 'legal.a.3', 'contract.n.1', 'lawsuit.n.1', 'right.n.1', 'judge.n.1', 'legislation.n.1', 'crime.n.1'] },
  { id: 'pets', label: 'pets and animals', anchors: ['pet.n.1', 'dog.n.1', 'domestic_cat.n.1', 'cat.n.1', 'puppy.n.1', 'kitten.n.1', 'veterinarian.n.1', 'domestic_animal.n.1', 'aquarium.n.1'] },
  { id: 'family', label: 'children and family', anchors: ['child.n.1', 'child.n.2', 'parent.n.1', 'baby.n.1', 'family.n.2', 'parenthood.n.1', 'son.n.1', 'daughter.n.1', 'toddler.n.1', 'babysitter.n.1'] },
  { id: 'garden', label: 'gardening and plants', anchors: ['garden.n.1', 'gardening.n.1', 'plant.n.2', 'flower.n.1', 'flower.n.2', 'lawn.n.1', 'seed.n.1', 'soil.n.2', 'shrub.n.1', 'vegetable.n.2', 'backyard.n.1'] },
  { id: 'news', label: 'news and politics', anchors: ['news.n.1', 'news.n.2', 'politics.n.1', 'politics.n.2', 'election.n.1', 'government.n.1', 'politician.n.1', 'journalism.n.1', 'newspaper.n.1'] },
  { id: 'games', label: 'games', anchors: ['video_game.n.1', 'board_game.n.1', 'card_game.n.1', 'puzzle.n.1', 'chess.n.2', 'game.n.3'] },
  { id: 'books', label: 'books and reading', anchors: ['book.n.1', 'book.n.2', 'novel.n.1', 'read.v.1', 'literature.n.1', 'poem.n.1', 'library.n.1', 'fiction.n.1', 'writer.n.1'] },
  { id: 'language', label: 'languages and translation', anchors: ['language.n.1', 'natural_language.n.1', 'translation.n.1', 'translate.v.1', 'vocabulary.n.1', 'grammar.n.1', 'pronunciation.n.1', 'linguistics.n.1'] },
  { id: 'nutrition', parent: 'food', label: 'diet and nutrition', anchors: ['diet.n.1', 'nutrition.n.1', 'calorie.n.1', 'vegetarian.n.1', 'vitamin.n.1', 'protein.n.1', 'allergy.n.1', 'food_allergy.n.1', 'lactose_intolerance.n.1', 'dairy_product.n.1'], words: ['lactose', 'dairy', 'gluten-free', 'dairy-free'] },
  { id: 'clothing', label: 'clothes and fashion', anchors: ['clothing.n.1', 'garment.n.1', 'fashion.n.3', 'footwear.n.1', 'shoe.n.1', 'dress.n.1', 'wardrobe.n.1', 'accessory.n.1'] },
  { id: 'art', label: 'art and design', anchors: ['art.n.1', 'art.n.2', 'painting.n.1', 'drawing.n.1', 'design.n.2', 'photography.n.1', 'photograph.n.1', 'camera.n.1', 'sculpture.n.1', 'artist.n.1'] },
  { id: 'outdoors', label: 'outdoors and nature', anchors: ['hike.n.1', 'camping.n.1', 'camp.v.1', 'mountain.n.1', 'park.n.2', 'beach.n.1', 'nature.n.3', 'fishing.n.1', 'campsite.n.1'] },
  { id: 'mental', parent: 'health', label: 'mental health', anchors: ['mental_health.n.1', 'anxiety.n.1', 'anxiety.n.2', 'depression.n.1', 'stress.n.2', 'psychotherapy.n.1', 'psychologist.n.1', 'meditation.n.1', 'sleep.n.1', 'mood.n.1', 'fear.n.1', 'emotion.n.1'] },
  { id: 'home-repair', label: 'home repair and chores', anchors: ['repair.n.1', 'repair.v.1', 'plumbing.n.1', 'plumber.n.1', 'tool.n.1', 'cleaning.n.1', 'carpenter.n.1', 'electrician.n.1', 'appliance.n.1', 'sink.n.1', 'laundry.n.1'] },
  // Units matter wherever something is measured: a distance, a weight, a temperature (recipes: see select.ts).
  // Adjectives reach it through their WordNet attribute ("far" -> distance, "heavy" -> weight).
  { id: 'measures', label: 'measurements and units', anchors: ['linear_unit.n.1', 'mass_unit.n.1', 'temperature_unit.n.1', 'volume_unit.n.1', 'area_unit.n.1', 'metric_system.n.1', 'metric.a.1', 'measure.v.1', 'distance.n.1', 'weight.n.1', 'weigh.v.1', 'temperature.n.1', 'length.n.1', 'height.n.1', 'speed.n.1', 'volume.n.1', 'size.n.1'], words: ['far', 'heavy', 'units', 'how far', 'how tall', 'how heavy', 'how hot', 'how cold', 'how big', 'how fast', 'imperial units', 'metric units'] },
  { id: 'religion', label: 'religion and faith', anchors: ['religion.n.1', 'religion.n.2', 'god.n.1', 'church.n.1', 'prayer.n.1', 'clergyman.n.1'] },
];
